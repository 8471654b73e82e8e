"""bench/answers/run: the entry point (see README.md). Builds nothing itself: ANSWERS_BIN names the binary."""
import argparse
import math
import os
import subprocess
import sys
import tempfile
import time

import bench
import labels
import peer as peer_module

NO_ANSWER = "No encontré"


def in_split(q, split):
    return split == "all" or q["split"] == split


def expected_pages(q):
    return {(e["file"], p) for e in q.get("expected", []) for p in e["pdf_pages"]}


def fmt(value, total=None):
    if total is not None:
        return f"{value}/{total}" if total else "-"
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.2f}"


def share(count, total):
    return count / total if total else float("nan")


def answer_metrics(questions, result, split):
    qs = [q for q in questions if in_split(q, split)]
    answerable = [q for q in qs if q["answerable"]]
    unanswerable = [q for q in qs if not q["answerable"]]
    first = anyc = cited_ok = cited_all = 0
    for q in answerable:
        cited = result["answers"][q["id"]]["cited"]
        want = expected_pages(q)
        first += bool(cited) and tuple(cited[0]) in want
        anyc += any(tuple(c) in want for c in cited)
        cited_ok += sum(tuple(c) in want for c in cited)
        cited_all += len(cited)
    said_none = [q for q in qs if result["answers"][q["id"]]["answer"].startswith(NO_ANSWER)]
    none_right = [q for q in said_none if not q["answerable"]]
    recalled = [q for q in unanswerable if result["answers"][q["id"]]["answer"].startswith(NO_ANSWER)
                and not result["answers"][q["id"]]["citations"]]
    recall = {k: share(sum(any(tuple(h) in expected_pages(q) for h in result["hits"][q["id"]][:k])
                           for q in answerable), len(answerable)) for k in bench.KS}
    or_recall = {k: share(sum(any(tuple(h) in expected_pages(q) for h in result["or_hits"][q["id"]][:k])
                              for q in answerable), len(answerable)) for k in bench.KS}
    return {
        "n": (len(answerable), len(unanswerable)),
        "first": (first, len(answerable)), "any": (anyc, len(answerable)),
        "precision": (cited_ok, cited_all),
        "recall": recall,
        "or_recall": or_recall,
        "none_precision": (len(none_right), len(said_none)),
        "none_recall": (len(recalled), len(unanswerable)),
    }


def peer_recall(questions, hits, split):
    answerable = [q for q in questions if q["answerable"] and in_split(q, split)]
    return {k: share(sum(any(h in expected_pages(q) for h in hits[q["id"]][:k]) for q in answerable),
                     len(answerable)) for k in bench.KS}


def latency(values):
    return labels.percentile(values, 50), labels.percentile(values, 99)


def print_store(result, questions, peer_hits):
    print(f"== {result['name']}")
    for label, seconds, summary in result["ingest"]:
        print(f"   ingest {label}: {seconds:.1f} s — {summary}")
    metrics = {s: answer_metrics(questions, result, s) for s in bench.SPLITS}
    peer = {s: peer_recall(questions, peer_hits, s) for s in bench.SPLITS}
    print(f"   {'':44} {'tune':>12} {'report':>12} {'all':>12}")

    def row(name, cell):
        print(f"   {name:44} " + " ".join(f"{cell(s):>12}" for s in bench.SPLITS))

    def pair(key):
        return lambda s: f"{share(*metrics[s][key]):.2f} {metrics[s][key][0]}/{metrics[s][key][1]}" \
            if metrics[s][key][1] else "-"

    row("questions (answerable / unanswerable)", lambda s: f"{metrics[s]['n'][0]} / {metrics[s]['n'][1]}")
    row("first-citation page accuracy", pair("first"))
    row("any-citation page accuracy", pair("any"))
    row("citation precision (answerable)", pair("precision"))
    for k in bench.KS:
        row(f"retrieval recall@{k} (chat, reranked)", lambda s, k=k: fmt(metrics[s]["recall"][k]))
    for k in bench.KS:
        row(f"recall@{k} without reranker (search, OR-ed)", lambda s, k=k: fmt(metrics[s]["or_recall"][k]))
    for k in bench.KS:
        row(f"peer recall@{k} (FTS5 bm25, stems OR-ed)", lambda s, k=k: fmt(peer[s][k]))
    for k in bench.KS:
        row(f"ratio chat / peer, recall@{k}",
            lambda s, k=k: fmt(metrics[s]["recall"][k] / peer[s][k]) if peer[s][k] else "-")
    for k in bench.KS:
        row(f"ratio chat / without reranker, recall@{k}",
            lambda s, k=k: fmt(metrics[s]["recall"][k] / metrics[s]["or_recall"][k])
            if metrics[s]["or_recall"][k] else "-")
    row("no-answer precision", pair("none_precision"))
    row("no-answer recall", pair("none_recall"))
    providers = {}
    for answer in result["answers"].values():
        key = answer.get("provider", "?") + (f"/{answer['fallback_reason']}" if answer.get("fallback_reason") else "")
        providers[key] = providers.get(key, 0) + 1
    print(f"   answered by: {', '.join(f'{k} {v}' for k, v in sorted(providers.items()))}")
    cli = latency(list(result["cli_ms"].values()))
    chat = latency(list(result["chat_ms"].values()))
    print(f"   latency, `gacetachat ask --json` per question (whole process: start, open, answer, store the turn): "
          f"p50 {cli[0]:.1f} ms, p99 {cli[1]:.1f} ms; a process that only starts, opens the database and "
          f"searches a word found nowhere: {result['startup_ms']:.1f} ms")
    print(f"   latency, offline chat answer in-process (`ask --repeat-count {bench.REPEAT}`: term statistics, "
          f"search, rerank, answer; median per question): p50 {chat[0]:.2f} ms, p99 {chat[1]:.2f} ms")
    if result["http_ms"]:
        http = latency(list(result["http_ms"].values()))
        print(f"   latency through nginx (HTTPS, POST /api/v1/chat, one at a time, curl time_total): "
              f"p50 {http[0]:.1f} ms, p99 {http[1]:.1f} ms; {result['http_errors']} non-200; "
              f"{result['http_mismatch']} answers citing other pages than the CLI's")
    print()
    return metrics


def rank(pages, want):
    for index, page in enumerate(pages, 1):
        if tuple(page) in want:
            return str(index)
    return "-"


def short(cited):
    if not cited:
        return "none"
    file, page = cited[0]
    return f"{os.path.basename(file or '?')[:28]}:{page}"


def print_questions(questions, results, peer_hits):
    """One line per question: where its first citation went, and where the expected page ranks."""
    first = results[0]
    print(f"== per question ({first['name']}; 'pg' marks a PostgreSQL first citation that differs)")
    print(f"   {'id':24} {'split':6} {'expected':34} {'first citation':34} ok  rank  peer")
    for q in questions:
        answer = first["answers"][q["id"]]
        want = expected_pages(q)
        exp = sorted(want)[0] if want else None
        expected = f"{os.path.basename(exp[0])[:28]}:{exp[1]}" if exp else "(unanswerable)"
        if q["answerable"]:
            ok = "yes" if answer["cited"] and tuple(answer["cited"][0]) in want else "no"
        else:
            ok = "yes" if answer["answer"].startswith(NO_ANSWER) and not answer["citations"] else "no"
        differs = any(r["answers"][q["id"]]["cited"][:1] != answer["cited"][:1] for r in results[1:])
        print(f"   {q['id']:24} {q['split']:6} {expected:34} {short(answer['cited']):34} {ok:3} "
              f"{rank(first['hits'][q['id']], want):>5} {rank(peer_hits[q['id']], want):>5}"
              f"{'  pg' if differs else ''}")
    print()


def main():
    parser = bench.argparse.ArgumentParser(prog="bench/answers/run")
    parser.add_argument("--model", help="base URL of an OpenAI-compatible server (MODEL names the model)")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--no-nginx", action="store_true", help="skip the runs through nginx")
    parser.add_argument("--limit", type=int, default=0, help="ask only the first N questions (a quick try)")
    parser.add_argument("--no-peru", action="store_true", help="leave the Peruvian norms out (a quick try)")
    parser.add_argument("--split", choices=("tune", "report"),
                        help="ask only that half's questions (tune on `tune` while iterating; report on `report`)")
    parser.add_argument("--reuse", metavar="DIR",
                        help="ask again over the SQLite database a KEEP_TMP=1 run left in DIR (no ingest, no "
                             "PostgreSQL): a quick look at a change to retrieval or answers")
    args = parser.parse_args()

    questions = labels.load_questions()
    if args.split:
        questions = [q for q in questions if q["split"] == args.split]
    if args.limit:
        questions = questions[:args.limit]
    tmp = args.reuse or tempfile.mkdtemp(prefix="gacetachat-answers.")
    os.chmod(tmp, 0o755)
    bench.log(f"working in {tmp}")
    pg_dir = os.path.join(tmp, "pg")
    pg_bin = None
    started = time.monotonic()
    # The commit measured: read now, before anything else may move HEAD during the run.
    commit = subprocess.run(["git", "-C", labels.REPO, "log", "-1", "--format=%H %s"], capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", labels.REPO, "status", "--porcelain", "--", "Sources", "bench"],
                           capture_output=True, text=True).stdout.strip()
    try:
        groups = bench.corpus_groups(tmp)
        if args.no_peru:
            groups = [g for g in groups if g[0] != "Peruvian norms"]
        elif not os.path.isdir(os.path.join(tmp, "legalize-pe")):
            bench.log("unpacking the Peruvian norms")
            labels.unpack_peru(tmp)

        # With --reuse the peer's index is kept beside the database (the same pages: nothing is ingested again).
        peer = peer_module.Peer(os.path.join(tmp, "peer.sqlite") if args.reuse or os.environ.get("KEEP_TMP")
                                else ":memory:")
        if not (args.reuse and peer.filled):
            bench.log("indexing the peer (pdftotext per page, Snowball stems, FTS5)")
            peer.db.execute("DELETE FROM pages")
            peer.rows = 0
            for file, page, text in bench.all_pages(groups):
                peer.add(file, page, text)
            peer.commit()
        peer_hits = {q["id"]: peer.search(q["question"], max(bench.KS)) for q in questions}

        results = [bench.measure_store("SQLite", f"sqlite:{tmp}/answers.db", groups, questions, args, tmp)]
        if not args.no_postgres and not args.reuse:
            pg_bin = subprocess.run([os.path.join(labels.REPO, "bench", "lib", "postgres.sh"), "start", pg_dir,
                                     os.path.join(tmp, "pg-initdb.log")], check=True, capture_output=True,
                                    text=True).stdout.strip()
            subprocess.run([os.path.join(pg_bin, "psql"), "-X", "-q", "-h", pg_dir, "-U", "postgres", "-d",
                            "postgres", "-c", "CREATE DATABASE bench"], check=True, capture_output=True)
            url = f"postgresql://postgres@/bench?host={pg_dir}"
            results.append(bench.measure_store("PostgreSQL", url, groups, questions, args, tmp,
                                               pg=(pg_bin, pg_dir)))

        print(f"bench/answers on commit {commit}{' (+ uncommitted changes)' if dirty else ''}")
        print(f"binary {bench.BIN}; {'model ' + args.model if args.model else 'offline answers (no model)'}; "
              f"{len(questions)} questions ({sum(q['answerable'] for q in questions)} answerable); "
              f"peer index: {peer.rows} pages; {os.cpu_count()} CPUs shared with whatever else runs")
        print("retrieval recall@k: an expected page among the first k candidates chat reranked for the question "
              "(`ask --repeat-count`; chat answers from its first 8); without reranker: the first k hits of "
              "`gacetachat search` for the question's words OR-ed; see README.md")
        print()
        for result in results:
            print_store(result, questions, peer_hits)
        print_questions(questions, results, peer_hits)
        print(f"run time {time.monotonic() - started:.0f} s")
    finally:
        if pg_bin:
            subprocess.run([os.path.join(labels.REPO, "bench", "lib", "postgres.sh"), "stop", pg_dir])
        if os.environ.get("KEEP_TMP") or args.reuse:
            bench.log(f"keeping {tmp}")
        else:
            subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
