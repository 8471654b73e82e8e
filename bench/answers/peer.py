"""The peer of bench/answers: plain BM25 over the same pages, independent of the code under test.

Python's sqlite3 FTS5 (tokenize 'unicode61 remove_diacritics 2') over one row per page: a PDF page as
`pdftotext -f N -l N` gives it, a Peruvian norm as one page. Words are indexed as their Snowball Spanish
stems (snowballstemmer); a question becomes its non-stopword stems OR-ed, ranked `ORDER BY bm25 LIMIT k`.
"""
import sqlite3

import spanish

_memo = {}


def stemmed(text):
    """The text as its words' Snowball stems (function words kept: bm25 weighs them down itself)."""
    out = []
    for word in spanish.words(text):
        stem = _memo.get(word)
        if stem is None:
            stem = word if word.isdigit() else spanish._stemmer.stemWord(word)
            _memo[word] = stem
        out.append(stem)
    return " ".join(out)


class Peer:
    def __init__(self, path=":memory:"):
        """A new index in memory, or in the SQLite file `path` (an index already there is kept: `filled`)."""
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS pages USING fts5(file UNINDEXED, page UNINDEXED, "
                        "body, tokenize = 'unicode61 remove_diacritics 2')")
        self.rows = self.db.execute("SELECT count(*) FROM pages").fetchone()[0]
        self.filled = self.rows > 0

    def commit(self):
        self.db.commit()

    def add(self, file, page, text):
        self.db.execute("INSERT INTO pages(file, page, body) VALUES (?, ?, ?)", (file, page, stemmed(text)))
        self.rows += 1

    def query_of(self, question):
        stems = spanish.content_stem_list(question)
        return " OR ".join('"' + stem.replace('"', '') + '"' for stem in stems)

    def search(self, question, limit):
        """[(file, page)] best first."""
        match = self.query_of(question)
        if not match:
            return []
        rows = self.db.execute("SELECT file, page FROM pages WHERE pages MATCH ? ORDER BY bm25(pages) LIMIT ?",
                               (match, limit))
        return [(file, int(page)) for file, page in rows]
