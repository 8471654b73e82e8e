"""check-labels: every evidence sentence is on its page, and the set follows its rules (README.md)."""
import os
import subprocess
import sys

import labels
import spanish

MIN_ANSWERABLE = 100
MIN_NOT_FIRST_PAGE = 60
MIN_EDITIONS = 30
MIN_CONGRESS = 15
MAX_PERU = 25
MIN_UNANSWERABLE = 20
MIN_COVERED = 10
MAX_SHARED = 0.5


def overlap(question, evidence):
    """Share of the question's content stems that also occur in the evidence sentence."""
    asked = spanish.content_stems(question)
    if not asked:
        return 1.0, set()
    shared = asked & spanish.content_stems(evidence)
    return len(shared) / len(asked), shared


def main():
    if not os.path.isdir(labels.EDITIONS) or not os.listdir(labels.EDITIONS):
        subprocess.run([os.path.join(labels.HERE, "make-editions")], check=True)
    questions = labels.load_questions()
    errors = []

    def fail(question, message):
        errors.append(f"questions.jsonl:{question['_line']} ({question.get('id', '?')}): {message}")

    ids = set()
    peru_members = {e["file"] for q in questions for e in q.get("expected", []) if labels.is_peru(e["file"])}
    peru = labels.peru_texts(peru_members)
    counts = dict(answerable=0, unanswerable=0, covered=0, not_first=0, editions=0, congress=0, peru=0)
    splits = {}
    for q in questions:
        for key in ("id", "question", "split", "answerable"):
            if key not in q:
                fail(q, f"no '{key}'")
        if q.get("id") in ids:
            fail(q, "id used twice")
        ids.add(q.get("id"))
        if q.get("split") not in ("tune", "report"):
            fail(q, f"split must be 'tune' or 'report', not {q.get('split')!r}")
        splits.setdefault((q.get("split"), bool(q.get("answerable"))), 0)
        splits[(q.get("split"), bool(q.get("answerable")))] += 1
        if not q.get("answerable"):
            counts["unanswerable"] += 1
            kind = q.get("unanswerable_kind")
            if kind not in ("covered", "outside"):
                fail(q, "an unanswerable question needs unanswerable_kind 'covered' or 'outside'")
            counts["covered"] += kind == "covered"
            if q.get("expected"):
                fail(q, "an unanswerable question has no expected pages")
            continue
        counts["answerable"] += 1
        expected = q.get("expected") or []
        if not expected:
            fail(q, "an answerable question needs expected [{file, pdf_pages, evidence}]")
            continue
        first_page_only = False
        kinds = set()
        for e in expected:
            file, pages, evidence = e.get("file", ""), e.get("pdf_pages") or [], e.get("evidence", "")
            if not pages or not evidence:
                fail(q, f"{file}: needs pdf_pages and evidence")
                continue
            ratio, shared = overlap(q.get("question", ""), evidence)
            if ratio > MAX_SHARED:
                fail(q, f"shares {len(shared)} of its {len(spanish.content_stems(q['question']))} content words "
                        f"with its evidence ({', '.join(sorted(shared))}): ask it in other words")
            wanted = labels.normalise_evidence(evidence)
            if labels.is_peru(file):
                kinds.add("peru")
                text = peru.get(file)
                if text is None:
                    fail(q, f"{file}: not in {labels.PERU_ARCHIVE}")
                elif pages != [1]:
                    fail(q, f"{file}: a norm has one page, pdf_pages must be [1]")
                elif wanted not in labels.normalise(text):
                    fail(q, f"{file}: evidence not in the norm: «{wanted[:80]}…»")
                continue
            path = labels.path_of(file)
            if not os.path.exists(path):
                fail(q, f"{file}: no such file ({path})")
                continue
            total = labels.pdf_pages(path)
            if file.startswith("editions/congreso/"):
                kinds.add("congress")
            elif file.startswith("editions/"):
                kinds.add("editions")
            else:
                kinds.add("corpus")
            if total > 1 and 1 in pages:
                first_page_only = True
            found = False
            for page in pages:
                if not 1 <= page <= total:
                    fail(q, f"{file}: page {page} outside 1–{total}")
                    continue
                text = labels.pdf_page(path, page)
                if text is not None and wanted in labels.normalise(text):
                    found = True
            if not found:
                fail(q, f"{file}: evidence not on page {pages} by pdftotext: «{wanted[:80]}…»")
        if "peru" in kinds:
            counts["peru"] += 1
        elif not first_page_only:
            counts["not_first"] += 1
            counts["editions"] += "editions" in kinds
            counts["congress"] += "congress" in kinds

    def rule(ok, message):
        if not ok:
            errors.append("rule: " + message)

    rule(counts["answerable"] >= MIN_ANSWERABLE, f"{counts['answerable']} answerable, need ≥ {MIN_ANSWERABLE}")
    rule(counts["not_first"] >= MIN_NOT_FIRST_PAGE,
         f"{counts['not_first']} answered beyond page 1 of a multi-page PDF, need ≥ {MIN_NOT_FIRST_PAGE}")
    rule(counts["editions"] >= MIN_EDITIONS,
         f"{counts['editions']} of those on generated editions, need ≥ {MIN_EDITIONS}")
    rule(counts["congress"] >= MIN_CONGRESS,
         f"{counts['congress']} of those on Gaceta del Congreso PDFs, need ≥ {MIN_CONGRESS}")
    rule(counts["peru"] <= MAX_PERU, f"{counts['peru']} on the Peruvian norms, at most {MAX_PERU}")
    rule(counts["unanswerable"] >= MIN_UNANSWERABLE,
         f"{counts['unanswerable']} unanswerable, need ≥ {MIN_UNANSWERABLE}")
    rule(counts["covered"] >= MIN_COVERED,
         f"{counts['covered']} unanswerable on subjects the corpus covers, need ≥ {MIN_COVERED}")
    for answerable in (True, False):
        tune, report = splits.get(("tune", answerable), 0), splits.get(("report", answerable), 0)
        rule(abs(tune - report) <= 1,
             f"{'answerable' if answerable else 'unanswerable'}: {tune} tune vs {report} report, need half each")

    print(f"check-labels: {len(questions)} questions: {counts['answerable']} answerable "
          f"({counts['not_first']} beyond page 1: {counts['editions']} editions, {counts['congress']} congreso; "
          f"{counts['peru']} Peruvian norms), {counts['unanswerable']} unanswerable "
          f"({counts['covered']} on covered subjects)")
    for error in errors:
        print("check-labels: FAIL " + error, file=sys.stderr)
    if errors:
        sys.exit(1)
    print("check-labels: all labels hold")


if __name__ == "__main__":
    main()
