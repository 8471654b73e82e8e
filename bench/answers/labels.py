"""The labelled set of bench/answers: where its files are, how their pages read, the questions themselves.

Shared by check-labels and the bench (run), so both read the files and the pages the same way.
"""
import json
import os
import re
import subprocess
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.environ.get("CORPUS_DIR", os.path.join(os.path.dirname(REPO), "shared", "corpus"))
EDITIONS = os.path.join(HERE, "editions")
QUESTIONS = os.path.join(HERE, "questions.jsonl")
PERU_ARCHIVE = "legalize-pe.tar.xz"
PERU_PREFIX = "legalize-pe/"


def path_of(file):
    """A label's `file`: `editions/…` lives under bench/answers/, anything else under ../shared/corpus/."""
    if file.startswith("editions/"):
        return os.path.join(HERE, file)
    return os.path.join(CORPUS, file)


def is_peru(file):
    return file.startswith(PERU_PREFIX)


def load_questions(path=QUESTIONS):
    questions = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                question = json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"{path}:{number}: not JSON: {error}")
            question["_line"] = number
            questions.append(question)
    return questions


def percentile(values, p):
    """The p-th percentile of `values` (nearest rank), as every figure of bench/answers reads it."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def normalise(text):
    """Page text as compared with evidence: soft hyphens and hyphenated line ends joined, whitespace collapsed."""
    text = text.replace("\u00ad", "").replace("\f", "\n")
    text = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip()


def normalise_evidence(text):
    return re.sub(r"\s+", " ", text).strip()


_page_cache = {}


def pdf_page(path, page):
    """The text of one PDF page, as `pdftotext -f N -l N` gives it (the way the app reads PDFs)."""
    key = (path, page)
    if key not in _page_cache:
        run = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), path, "-"], capture_output=True)
        _page_cache[key] = run.stdout.decode("utf-8", errors="replace") if run.returncode == 0 else None
    return _page_cache[key]


def pdf_pages(path):
    run = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)", run.stdout, re.M)
    return int(match.group(1)) if match else 0


def unpack_peru(folder):
    """Unpacks legalize-pe.tar.xz into `folder` (its norms in folder/legalize-pe/pe)."""
    with tarfile.open(os.path.join(CORPUS, PERU_ARCHIVE), "r:xz") as archive:
        archive.extractall(folder)


def peru_texts(members):
    """{member: text} for the wanted members of legalize-pe.tar.xz (one pass over the archive)."""
    wanted, found = set(members), {}
    if not wanted:
        return found
    with tarfile.open(os.path.join(CORPUS, PERU_ARCHIVE), "r:xz") as archive:
        for member in archive:
            if member.name in wanted:
                found[member.name] = archive.extractfile(member).read().decode("utf-8", errors="replace")
                if len(found) == len(wanted):
                    break
    return found
