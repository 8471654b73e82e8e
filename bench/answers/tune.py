#!/usr/bin/env python3
"""Tunes the offline answer's no-answer threshold on the `tune` half of the labelled set (never on `report`).

    GACETACHAT_BIN=.build/release/gacetachat python3 bench/answers/tune.py [--peru] [--db DIR] 0.3 0.4 0.5 …
    … tune.py --peru --option=--missing-word-limit 1.01 0.8 0.5 0.4 …    (another of `ask`'s tuning options)
    … tune.py --peru --option=--rare-share 0.05 0.02 0.01 0.005 …        (the share of chunks a candidate word may hold)

Ingests what bench/answers/run ingests (the Peruvian norms only with --peru) into a SQLite file (kept in --db, and
reused when it is there), then asks every `tune` question once per threshold with `ask --json
--no-answer-threshold T` and prints, per threshold: first-citation page accuracy, any-citation page accuracy and
citation precision over the answerable questions, no-answer precision and recall over the split. Pick the
threshold that keeps no-answer precision and recall high without losing answers, and record it in README.md.
"""
import argparse
import json
import os
import subprocess
import sys

import labels

BIN = os.environ.get("GACETACHAT_BIN", os.path.join(labels.REPO, ".build", "release", "gacetachat"))
CONFIG = os.path.join(labels.REPO, "conf", "gacetachat.ini")
NOT_FOUND = "No encontré"


def app(db, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GACETACHAT_")}
    env.update(GACETACHAT_PROFILE="testing", GACETACHAT_CONFIG=CONFIG, GACETACHAT_DATABASE_URL="sqlite:" + db,
               LC_ALL="C.UTF-8")
    run = subprocess.run([BIN, *args], env=env, capture_output=True, cwd=labels.REPO)
    if run.returncode != 0 and args[0] != "ingest":
        sys.exit(f"gacetachat {args[0]} failed: {run.stderr.decode(errors='replace')[-400:]}")
    return run


def ingest(db, folder, peru):
    for number, date in (("129", "2024-07-15"), ("130", "2024-07-16"), ("131", "2024-07-17")):
        app(db, "ingest", os.path.join(labels.EDITIONS, f"gaceta-{number}.pdf"), "--date", date)
    congress = os.path.join(labels.EDITIONS, "congreso")
    app(db, "ingest", *sorted(os.path.join(congress, f) for f in os.listdir(congress)), "--date", "2026-09-17")
    for country in ("cr", "gt"):
        pdfs = os.path.join(labels.CORPUS, "pdf", country)
        app(db, "ingest", *sorted(os.path.join(pdfs, f) for f in os.listdir(pdfs)), "--date", "2024-01-01")
    if peru:
        labels.unpack_peru(folder)
        app(db, "ingest", os.path.join(folder, "legalize-pe", "pe"))


def label_of(path):
    path = os.path.realpath(path.split("#notice=", 1)[0])
    for root in (os.path.realpath(labels.HERE), os.path.realpath(labels.CORPUS)):
        if path.startswith(root + os.sep):
            return os.path.relpath(path, root)
    marker = os.sep + "legalize-pe" + os.sep
    return "legalize-pe/" + path.split(marker, 1)[1] if marker in path else path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--peru", action="store_true")
    parser.add_argument("--db", default=os.path.join(labels.REPO, ".build", "answers-tune"))
    parser.add_argument("--split", default="tune", help="tune (to tune) or report (to measure the value chosen)")
    parser.add_argument("--as-built", action="store_true", help="no tuning option (an older binary)")
    parser.add_argument("--option", default="--no-answer-threshold", help="the `ask` option given each value")
    parser.add_argument("thresholds", nargs="+", type=float)
    args = parser.parse_args()
    os.makedirs(args.db, exist_ok=True)
    db = os.path.join(args.db, "tune.db")
    if not os.path.exists(db):
        ingest(db, args.db, args.peru)
    rows = subprocess.run(["sqlite3", "-separator", "\t", db, "SELECT id, source_path FROM documents"],
                          capture_output=True, text=True, check=True).stdout
    files = {int(i): label_of(p) for i, p in (line.split("\t", 1) for line in rows.splitlines() if "\t" in line)}
    questions = [q for q in labels.load_questions() if q["split"] == args.split
                 and (args.peru or not any(labels.is_peru(e["file"]) for e in q.get("expected", [])))]
    print(f"{len(questions)} {args.split} questions ({sum(q['answerable'] for q in questions)} answerable)")
    print(f"{args.option}: value, first  any    precision  no-answer-precision  no-answer-recall  right")
    for threshold in args.thresholds:
        first = anyc = cited = right_cited = said_none = said_none_right = none_right = 0
        answerable = sum(q["answerable"] for q in questions)
        for q in questions:
            tuning = [] if args.as_built else [args.option, str(threshold)]
            body = json.loads(app(db, "ask", q["question"], "--json", *tuning).stdout)
            pages = [(files.get(c["document_id"]), c["page"]) for c in body.get("citations", [])]
            none = body["answer"].startswith(NOT_FOUND) and not pages
            said_none += none
            if q["answerable"]:
                expected = {(e["file"], p) for e in q["expected"] for p in e["pdf_pages"]}
                first += bool(pages) and pages[0] in expected
                anyc += any(p in expected for p in pages)
                cited += len(pages)
                right_cited += sum(p in expected for p in pages)
            else:
                none_right += none
                said_none_right += none
        unanswerable = len(questions) - answerable
        print(f"{threshold:9g}  {first / answerable:.2f}   {anyc / answerable:.2f}   "
              f"{right_cited / max(cited, 1):.2f}       {said_none_right / max(said_none, 1):.2f}"
              f"                 {none_right / max(unanswerable, 1):.2f}             {first + none_right}",
              flush=True)


if __name__ == "__main__":
    main()
