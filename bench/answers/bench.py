"""bench/answers/run: ask every labelled question, per store, and measure the answers against the labels.

See README.md for what each figure means. Started by bench/answers/run (which builds the binary).
"""
import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.parse

import labels
import peer as peer_module
import spanish

BIN = os.environ["ANSWERS_BIN"]
REPO = labels.REPO
CONFIG = os.path.join(REPO, "conf", "gacetachat.ini")
KS = (5, 20, 100)
SPLITS = ("tune", "report", "all")
REPEAT = int(os.environ.get("REPEAT", "5"))


def log(message):
    print(f"bench/answers: {message}", file=sys.stderr, flush=True)


def die(message):
    log(f"error: {message}")
    sys.exit(1)


def app_env(db_url, extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GACETACHAT_")}
    env.update(GACETACHAT_PROFILE="testing", GACETACHAT_CONFIG=CONFIG, GACETACHAT_DATABASE_URL=db_url,
               LC_ALL="C.UTF-8")
    env.update(extra or {})
    return env


def app(db_url, *args, extra=None, check=True):
    run = subprocess.run([BIN, *args], env=app_env(db_url, extra), capture_output=True, cwd=REPO)
    if check and run.returncode != 0:
        die(f"gacetachat {' '.join(args[:2])} failed ({run.returncode}): "
            f"{run.stderr.decode(errors='replace')[-600:]}{run.stdout.decode(errors='replace')[-300:]}")
    return run


# --- The corpus ---------------------------------------------------------------------------------------------

def corpus_groups(tmp):
    """[(label, [paths], date or None)]: what is ingested, in this order."""
    groups = []
    for number, date in (("129", "2024-07-15"), ("130", "2024-07-16"), ("131", "2024-07-17")):
        groups.append((f"La Gaceta Nº {number}", [os.path.join(labels.EDITIONS, f"gaceta-{number}.pdf")], date))
    congress = sorted(os.path.join(labels.EDITIONS, "congreso", f)
                      for f in os.listdir(os.path.join(labels.EDITIONS, "congreso")))
    groups.append(("Gaceta del Congreso", congress, "2026-09-17"))
    for country in ("cr", "gt"):
        folder = os.path.join(labels.CORPUS, "pdf", country)
        groups.append((f"pdf/{country}", sorted(os.path.join(folder, f) for f in os.listdir(folder)),
                       "2024-01-01"))
    pe = os.path.join(tmp, "legalize-pe", "pe")
    groups.append(("Peruvian norms", [pe], None))
    return groups


def label_file_of(path):
    """The labels' name for an ingested file (its path relative to the corpus or to bench/answers); a notice of
    an edition is stored as "FILE#notice=N": its file is the edition's."""
    path = os.path.realpath(path.split("#notice=", 1)[0])
    for root, prefix in ((os.path.realpath(labels.HERE), ""), (os.path.realpath(labels.CORPUS), "")):
        if path.startswith(root + os.sep):
            return prefix + os.path.relpath(path, root)
    marker = os.sep + "legalize-pe" + os.sep
    if marker in path:
        return "legalize-pe/" + path.split(marker, 1)[1]
    # A database kept (`--reuse`) from another checkout: its editions live under that checkout's bench/answers.
    marker = os.sep + os.path.join("bench", "answers", "editions") + os.sep
    if marker in path:
        return "editions/" + path.split(marker, 1)[1]
    return path


def all_pages(groups):
    """[(file label, page, text)] of every page ingested, read the way the app reads them (for the peer)."""
    for _, paths, _ in groups:
        for path in paths:
            if os.path.isdir(path):
                for name in sorted(os.listdir(path)):
                    if name.endswith(".md"):
                        with open(os.path.join(path, name), encoding="utf-8", errors="replace") as f:
                            yield label_file_of(os.path.join(path, name)), 1, f.read()
                continue
            for page in range(1, labels.pdf_pages(path) + 1):
                yield label_file_of(path), page, labels.pdf_page(path, page) or ""


# --- One store ----------------------------------------------------------------------------------------------

def project_query(question):
    """The question's words OR-ed in the search language: the project's search without chat's candidate choice
    and reranker (chat's own question-word list is not used; the bench's stopwords are left out)."""
    seen, words = set(), []
    for word in __import__("re").findall(r"[^\W_]+", question):
        folded = spanish.fold(word)
        if folded in spanish.STOPWORDS or (len(folded) < 2 and not folded.isdigit()) or folded in seen:
            continue
        seen.add(folded)
        words.append(word.lower())
    return " OR ".join(words)


def document_files(db_url, pg_bin, pg_dir):
    sql = "SELECT id, source_path FROM documents"
    if db_url.startswith("sqlite:"):
        out = subprocess.run(["sqlite3", "-separator", "\t", db_url[len("sqlite:"):], sql], capture_output=True,
                             text=True, check=True).stdout
    else:
        out = subprocess.run([os.path.join(pg_bin, "psql"), "-X", "-q", "-A", "-t", "-F", "\t", "-h", pg_dir,
                              "-U", "postgres", "-d", "bench", "-c", sql], capture_output=True, text=True,
                             check=True).stdout
    files = {}
    for line in out.splitlines():
        if "\t" in line:
            doc, path = line.split("\t", 1)
            files[int(doc)] = label_file_of(path)
    return files


def measure_store(name, db_url, groups, questions, args, tmp, pg=None):
    result = {"name": name, "ingest": [], "answers": {}, "hits": {}, "or_hits": {}, "cli_ms": {}, "chat_ms": {},
              "http_ms": {}, "http_mismatch": 0, "http_errors": 0}
    if pg:
        app(db_url, "migrate")
    for label, paths, date in ([] if args.reuse else groups):
        log(f"{name}: ingesting {label}")
        t0 = time.monotonic()
        extra = ["--date", date] if date else []
        run = app(db_url, "ingest", *paths, *extra, check=False)
        seconds = time.monotonic() - t0
        output = (run.stdout + run.stderr).decode(errors="replace")
        summary = [l for l in output.splitlines() if l.startswith("ingested ")]
        result["ingest"].append((label, seconds, summary[-1] if summary else f"exit {run.returncode}"))
        if run.returncode != 0:
            log(f"{name}: ingest of {label} reported failures: {run.stderr.decode(errors='replace')[-400:]}")
    if pg and not args.reuse:
        subprocess.run([os.path.join(pg[0], "psql"), "-X", "-q", "-h", pg[1], "-U", "postgres", "-d", "bench",
                        "-c", "VACUUM ANALYZE"], check=True, capture_output=True)
    files = document_files(db_url, *(pg or (None, None)))
    startup = []
    for _ in range(5):
        t0 = time.monotonic()
        app(db_url, "search", "zzqxvw", "--per-page", "1")
        startup.append((time.monotonic() - t0) * 1000)
    result["startup_ms"] = statistics.median(startup)
    # A small model on a CPU takes longer than the profile's 30 s for a prompt of 8 passages (~2,600 tokens):
    # MODEL_TIMEOUT (default 180s) measures what it says rather than how often it times out.
    extra = {"GACETACHAT_LLM_BASE_URL": args.model, "GACETACHAT_LLM_MODEL": os.environ.get("MODEL", ""),
             "GACETACHAT_LLM_TIMEOUT": os.environ.get("MODEL_TIMEOUT", "180s")} if args.model else None
    for index, q in enumerate(questions, 1):
        # What chat considers: the reranked candidates of the offline answer, timed in-process (no conversation
        # stored), REPEAT times.
        considered = json.loads(app(db_url, "ask", q["question"], "--repeat-count", str(REPEAT)).stdout)
        result["hits"][q["id"]] = [(files.get(h["document_id"]), h["page"]) for h in considered["considered"]]
        result["chat_ms"][q["id"]] = considered["p50_ms"]
        # The project's search without the reranker: the question's words OR-ed, BM25 over every match.
        query = project_query(q["question"])
        if query:
            out = app(db_url, "search", query, "--per-page", "100", "--json").stdout
            hits = json.loads(out).get("hits", [])
            result["or_hits"][q["id"]] = [(files.get(h.get("document_id", h.get("documentID"))), h["page"])
                                          for h in hits]
        else:
            result["or_hits"][q["id"]] = []
        t0 = time.monotonic()
        run = app(db_url, "ask", q["question"], "--json", extra=extra)
        result["cli_ms"][q["id"]] = (time.monotonic() - t0) * 1000
        answer = json.loads(run.stdout)
        answer["cited"] = [(files.get(c.get("document_id")), c.get("page")) for c in answer.get("citations", [])]
        result["answers"][q["id"]] = answer
        if index % 25 == 0:
            log(f"{name}: {index}/{len(questions)} questions asked")
    if not args.no_nginx:
        through_nginx(name, db_url, questions, result, tmp, extra)
    return result


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def through_nginx(name, db_url, questions, result, tmp, extra):
    """A pool (2 workers) behind the dev nginx over HTTPS; POST /api/v1/chat for each question, one at a time."""
    run_dir = os.path.join(tmp, f"stack-{name}")
    os.makedirs(run_dir)
    os.chmod(run_dir, 0o755)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    subprocess.run([os.path.join(REPO, "tls", "make-dev-certs"), os.path.join(run_dir, "tls")], check=True,
                   capture_output=True)
    sock = os.path.join(run_dir, "pool.sock")
    env = dict(GACETACHAT_SERVER_LISTEN=f"unix:{sock}", GACETACHAT_POOL_PM="static",
               GACETACHAT_POOL_PM_MAX_CHILDREN="2", GACETACHAT_LOG_LEVEL="notice", **(extra or {}))
    if os.geteuid() == 0:
        env["GACETACHAT_SERVER_SOCKET_GROUP"] = "www-data"
    pool_log = open(os.path.join(run_dir, "pool.log"), "w")
    pool = subprocess.Popen([BIN, "serve"], env=app_env(db_url, env), stdout=pool_log, stderr=subprocess.STDOUT,
                            cwd=run_dir)
    nginx_proc = None
    try:
        for _ in range(300):
            if "pool ready" in open(os.path.join(run_dir, "pool.log")).read():
                break
            time.sleep(0.1)
        else:
            die(f"{name}: the pool did not start (see {run_dir}/pool.log)")
        port, http_port = free_port(), free_port()
        subprocess.run([os.path.join(REPO, "scripts", "nginx-dev-conf"), "--rundir", os.path.join(run_dir, "nginx"),
                        "--https-port", str(port), "--http-port", str(http_port), "--socket", sock,
                        "--cert", os.path.join(run_dir, "tls", "server.crt"),
                        "--key", os.path.join(run_dir, "tls", "server.key")], check=True, capture_output=True)
        nginx_proc = subprocess.Popen([nginx, "-p", os.path.join(run_dir, "nginx"), "-c",
                                       os.path.join(run_dir, "nginx", "nginx.conf"), "-e",
                                       os.path.join(run_dir, "nginx", "error.log")],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"https://127.0.0.1:{port}"
        curl = ["curl", "-s", "--cacert", os.path.join(run_dir, "tls", "ca.crt")]
        for _ in range(100):
            code = subprocess.run(curl + ["-o", "/dev/null", "-w", "%{http_code}", base + "/health"],
                                  capture_output=True, text=True).stdout
            if code == "200":
                break
            time.sleep(0.1)
        else:
            die(f"{name}: nginx does not answer {base}/health")
        log(f"{name}: asking through nginx ({base})")
        body_file = os.path.join(run_dir, "answer.json")
        for q in questions:
            body = json.dumps({"question": q["question"]}, ensure_ascii=False)
            for attempt in range(40):
                out = subprocess.run(curl + ["-o", body_file, "-w", "%{http_code} %{time_total}", "-X", "POST",
                                             "-H", "Content-Type: application/json", "--data-binary", body,
                                             base + "/api/v1/chat"], capture_output=True, text=True).stdout
                code, seconds = (out.split() + ["0", "0"])[:2]
                if code != "429":  # the dev nginx limits chats per client: wait, it is not the pool's time
                    break
                time.sleep(0.6)
            if code != "200":
                result["http_errors"] += 1
                continue
            result["http_ms"][q["id"]] = float(seconds) * 1000
            answer = json.load(open(body_file))
            cli = result["answers"][q["id"]]
            same = [c.get("page") for c in answer.get("citations", [])] == \
                [c.get("page") for c in cli.get("citations", [])]
            result["http_mismatch"] += not same
    finally:
        if nginx_proc:
            nginx_proc.terminate()
            nginx_proc.wait(timeout=10)
        pool.terminate()
        try:
            pool.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pool.kill()
        pool_log.close()
