"""In-process search peers over the project's own chunks (bench/search): plain FTS5 bm25 + snippets (the
floor: what SQLite alone does) and Tantivy with a Spanish stemmer, doing the same work as the project's
`gacetachat search --per-page 10`: the top 10, the exact total, snippets for the 10 hits.

    python inprocess.py PROJECT.db QUERIES.txt REPEAT WORKDIR

Reads the chunks (and the first chunk's document title, as the project indexes it) from the project's SQLite
database, builds both indexes in WORKDIR, then runs every query REPEAT times on each engine. Prints one line a
build ("build ENGINE chunks=N seconds=S") and one a query and engine, tab-separated:
"ENGINE  INDEX  TOTAL  P50_MS  P99_MS".
"""

import os
import re
import shutil
import sqlite3
import statistics
import sys
import time

import tantivy

import spanish

TOP = 10


def chunks(project_db: str):
    source = sqlite3.connect(f"file:{project_db}?mode=ro", uri=True)
    yield from source.execute(
        "SELECT c.id, CASE WHEN c.ordinal = 1 THEN d.title ELSE '' END, c.text"
        " FROM chunks c JOIN documents d ON d.id = c.document_id ORDER BY c.id"
    )
    source.close()


def build_fts5(project_db: str, workdir: str) -> sqlite3.Connection:
    db = spanish.fts5_table(os.path.join(workdir, "floor.db"), "f", "title, body")
    count = 0
    for rowid, title, body in chunks(project_db):
        db.execute(
            "INSERT INTO f (rowid, title, body) VALUES (?, ?, ?)",
            (rowid, spanish.stemmed(title), spanish.stemmed(body)),
        )
        count += 1
    db.execute("INSERT INTO f (f) VALUES ('optimize')")
    db.commit()
    return db, count


def fts5_search(db: sqlite3.Connection, query: str):
    match = spanish.fts5(query)
    if match is None:
        return 0
    # FTS5 sorts by rank itself and stops after the LIMIT: snippets only for the hits returned.
    rows = db.execute(
        "SELECT rowid, snippet(f, 1, '<mark>', '</mark>', '…', 16) FROM f"
        " WHERE f MATCH ? AND rank MATCH 'bm25(5.0, 1.0)' ORDER BY rank LIMIT ?",
        (match, TOP),
    ).fetchall()
    total = db.execute("SELECT count(*) FROM f WHERE f MATCH ?", (match,)).fetchone()[0]
    assert len(rows) <= TOP
    return total


def spanish_analyzer():
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("spanish"))
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def build_tantivy(project_db: str, workdir: str):
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True)
    builder.add_text_field("title", stored=True, tokenizer_name="es_stem")
    builder.add_text_field("body", stored=True, tokenizer_name="es_stem")
    schema = builder.build()
    path = os.path.join(workdir, "tantivy")
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    index = tantivy.Index(schema, path=path)
    index.register_tokenizer("es_stem", spanish_analyzer())
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    count = 0
    for rowid, title, body in chunks(project_db):
        # The same text the FTS5 indexes see, numbers joined across their separators.
        title = spanish.NUMBER_SEPARATOR.sub("", title)
        body = spanish.NUMBER_SEPARATOR.sub("", body)
        writer.add_document(tantivy.Document(id=rowid, title=title, body=body))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index, schema, count


def tantivy_query(index, schema, analyzer, query: str):
    """The query as Tantivy objects: every group required (its alternatives OR-ed), the excluded ones out."""
    groups, excluded = spanish.groups(spanish.parse(query))
    if not groups:
        return None
    should, must, must_not = tantivy.Occur.Should, tantivy.Occur.Must, tantivy.Occur.MustNot

    def item(kind: str, text: str):
        plain = " ".join(spanish.words(text))
        if kind == "prefix" and " " not in plain:
            # One word: a prefix of its stem, in either field (the parser has no single-term prefix).
            stems = analyzer.analyze(plain)
            if not stems:
                return tantivy.Query.empty_query()
            regex = re.escape(stems[-1]) + ".*"
            return tantivy.Query.boolean_query(
                [
                    (should, tantivy.Query.boost_query(tantivy.Query.regex_query(schema, "title", regex), 5.0)),
                    (should, tantivy.Query.regex_query(schema, "body", regex)),
                ]
            )
        star = "*" if kind == "prefix" else ""
        return index.parse_query(f'"{plain}"{star}', ["title", "body"], field_boosts={"title": 5.0})

    clauses = [(must, tantivy.Query.boolean_query([(should, item(k, t)) for k, t in group])) for group in groups]
    clauses += [(must_not, item("phrase", text)) for text in excluded]
    return tantivy.Query.boolean_query(clauses)


def tantivy_search(index, schema, analyzer, query: str):
    parsed = tantivy_query(index, schema, analyzer, query)
    if parsed is None:
        return 0
    searcher = index.searcher()
    result = searcher.search(parsed, TOP, count=True)
    generator = tantivy.SnippetGenerator.create(searcher, parsed, schema, "body")
    for _score, address in result.hits:
        generator.snippet_from_doc(searcher.doc(address)).to_html()
    return result.count


def timed(function, repeat: int):
    samples, total = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        total = function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return total, statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def main() -> None:
    project_db, queries_path, repeat, workdir = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    with open(queries_path, encoding="utf-8") as handle:
        queries = [line.rstrip("\r\n") for line in handle if line.strip() and not line.startswith("#")]
    start = time.monotonic()
    db, count = build_fts5(project_db, workdir)
    print(f"build fts5 chunks={count} seconds={time.monotonic() - start:.1f}", flush=True)
    start = time.monotonic()
    index, schema, count = build_tantivy(project_db, workdir)
    analyzer = spanish_analyzer()
    print(f"build tantivy chunks={count} seconds={time.monotonic() - start:.1f}", flush=True)
    # Every engine answers every query once before it is timed (caches warm, as for the project's floor).
    for position, query in enumerate(queries):
        for engine, function in (
            ("fts5", lambda: fts5_search(db, query)),
            ("tantivy", lambda: tantivy_search(index, schema, analyzer, query)),
        ):
            function()
            total, p50, p99 = timed(function, repeat)
            print(f"{engine}\t{position}\t{total}\t{p50:.3f}\t{p99:.3f}", flush=True)


if __name__ == "__main__":
    main()
