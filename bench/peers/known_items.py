"""Known-item search over the corpus's norms (issue 13's goal): a reader who remembers a norm's title finds it.

    python known_items.py PROJECT.db FLOOR.db SAMPLE -- COMMAND…

For SAMPLE norms (Markdown documents of the project's database, every n-th by path: the same sample every run),
the query is the first WORDS content words of the title in the file's front matter (stopwords left out, as a
reader types it), asked two ways: all words, and OR-ed ("a OR b OR c"). Engines:
- the project: COMMAND (e.g. `bench_app DB -- `, given as the words after `--`) + `search QUERY --per-page 100
  --json --no-relax`;
- the floor: plain FTS5 bm25 over the same chunks (inprocess.py's FLOOR.db, rowid = chunk id), LIMIT 100.
A norm's rank is its place among the distinct documents of the hits, in order. Prints one tab-separated line per
engine and way: "ENGINE  WAY  QUERIES  RECALL@10  MRR" (MRR: 1/rank when within the first 10, else 0), then one
"miss" line per all-words query the project misses (at most 10), for reading.
"""

import json
import sqlite3
import subprocess
import sys

import spanish

WORDS = 6
TOP = 10
HITS = 100


def sample(db: sqlite3.Connection, size: int):
    """[(document id, path)] of every n-th Markdown document by path."""
    rows = db.execute("SELECT id, source_path FROM documents WHERE source_path LIKE '%.md' ORDER BY source_path")
    documents = rows.fetchall()
    step = max(1, len(documents) // size)
    return documents[::step][:size]


def query_words(path: str) -> list[str]:
    _, title, _ = spanish.front_matter(path)
    return [word for word in spanish.words(title) if word not in spanish.STOPWORDS][:WORDS]


def rank(documents: list[int], wanted: int) -> int | None:
    seen: list[int] = []
    for document in documents:
        if document not in seen:
            seen.append(document)
            if document == wanted:
                return len(seen)
    return None


def project(command: list[str], query: str) -> list[int]:
    run = subprocess.run(
        command + ["search", query, "--per-page", str(HITS), "--json", "--no-relax"], capture_output=True, text=True
    )
    if run.returncode != 0:
        raise SystemExit(f"gacetachat search {query!r} failed ({run.returncode}): {run.stderr[-400:]}")
    return [hit["document_id"] for hit in json.loads(run.stdout).get("hits", [])]


def floor(db: sqlite3.Connection, owners: dict[int, int], query: str) -> list[int]:
    match = spanish.fts5(query)
    if match is None:
        return []
    rows = db.execute(
        "SELECT rowid FROM f WHERE f MATCH ? AND rank MATCH 'bm25(5.0, 1.0)' ORDER BY rank LIMIT ?", (match, HITS)
    )
    return [owners[rowid] for (rowid,) in rows if rowid in owners]


def main() -> None:
    split = sys.argv.index("--")
    project_db, floor_db, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    command = sys.argv[split + 1 :]
    project_index = sqlite3.connect(f"file:{project_db}?mode=ro", uri=True)
    owners = dict(project_index.execute("SELECT id, document_id FROM chunks"))
    floor_index = sqlite3.connect(f"file:{floor_db}?mode=ro", uri=True)
    scores = {(engine, way): [] for engine in ("project", "fts5") for way in ("all", "or")}
    misses = []
    for document, path in sample(project_index, size):
        words = query_words(path)
        if len(words) < 2:
            continue
        for way, query in (("all", " ".join(words)), ("or", " OR ".join(words))):
            for engine in ("project", "fts5"):
                hits = project(command, query) if engine == "project" else floor(floor_index, owners, query)
                place = rank(hits, document)
                scores[(engine, way)].append(1.0 / place if place and place <= TOP else 0.0)
                if engine == "project" and way == "all" and not (place and place <= TOP) and len(misses) < 10:
                    misses.append(f"miss\t{query}\t{path.rsplit('/', 1)[-1]}\t{place or '-'}")
    for (engine, way), values in scores.items():
        found = sum(1 for value in values if value > 0)
        mrr = sum(values) / len(values) if values else 0.0
        print(f"{engine}\t{way}\t{len(values)}\t{found / max(1, len(values)):.3f}\t{mrr:.3f}")
    print("\n".join(misses))


if __name__ == "__main__":
    main()
