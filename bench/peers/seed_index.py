"""The seed's search index, built the way the seed built it: one FTS5 row per document (its whole body),
title and body pre-stemmed with Snowball Spanish, `unicode61 remove_diacritics 2`.

    python seed_index.py CORPUS_DIR OUT.db

Prints "documents=N seconds=S".
"""

import os
import sys
import time

import spanish


def main() -> None:
    corpus, out = sys.argv[1], sys.argv[2]
    start = time.monotonic()
    db = spanish.fts5_table(out, "d", "ref, title, body")
    db.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, ref TEXT NOT NULL, title TEXT NOT NULL)")
    count = 0
    for name in sorted(os.listdir(corpus)):
        ident, title, body = spanish.front_matter(os.path.join(corpus, name))
        count += 1
        db.execute("INSERT INTO docs (id, ref, title) VALUES (?, ?, ?)", (count, ident, title))
        db.execute(
            "INSERT INTO d (rowid, ref, title, body) VALUES (?, ?, ?, ?)",
            (count, ident, spanish.stemmed(title), spanish.stemmed(body)),
        )
    db.commit()
    db.execute("INSERT INTO d (d) VALUES ('optimize')")
    db.commit()
    db.close()
    print(f"documents={count} seconds={time.monotonic() - start:.1f}")


if __name__ == "__main__":
    main()
