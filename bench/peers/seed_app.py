"""The seed's service: Flask behind `gunicorn -w N` (bench/search and bench/chat run it behind the same nginx
as the project). The index is seed_index.py's (one row per whole document), at $SEED_DB. Bad input gets a 400,
as the project's does.

GET /api/v1/search?q=…&per_page=10 → {"total", "results": [{"id", "title", "snippet"}]}: the whole documents
matching every required stem, ORDER BY bm25(d, 0, 5, 1) LIMIT per_page with snippet(), and the exact total.

POST /api/v1/chat {"question"} → {"answer", "citations": [{"document_id", "title", "quote"}]}: the seed's
extractive answer: the question's words that are not stopwords, stemmed and OR-ed, ranked over the whole
documents (bm25(d, 0, 5, 1) LIMIT 3), each of the three a sentence of the answer quoting its snippet();
"No encontré…" when nothing matches. It stores no conversation (the project stores one per question).
"""

import os
import sqlite3

from flask import Flask, jsonify, request

import spanish

MAX_QUESTION = 1000
CITED = 3

app = Flask(__name__)
_db = None


def db() -> sqlite3.Connection:
    global _db
    if _db is None:  # one connection per worker process, opened on its first request
        _db = sqlite3.connect(f"file:{os.environ['SEED_DB']}?mode=ro", uri=True, check_same_thread=False)
    return _db


@app.get("/health")
def health():
    return jsonify(status="ok")


@app.get("/api/v1/search")
def search():
    query = request.args.get("q", "").strip()
    try:
        per_page = int(request.args.get("per_page", "10"))
    except ValueError:
        return jsonify(error={"code": "bad_request", "message": "per_page is not a number"}), 400
    if not query or not 1 <= per_page <= 100:
        return jsonify(error={"code": "bad_request", "message": "q is required; per_page is 1 to 100"}), 400
    match = spanish.fts5(query)
    if match is None:
        return jsonify(total=0, results=[])
    try:
        rows = db().execute(
            "SELECT d.rowid, docs.title, snippet(d, 2, '<mark>', '</mark>', '…', 16) FROM d"
            " JOIN docs ON docs.id = d.rowid WHERE d MATCH ? ORDER BY bm25(d, 0, 5, 1) LIMIT ?",
            (match, per_page),
        ).fetchall()
        total = db().execute("SELECT count(*) FROM d WHERE d MATCH ?", (match,)).fetchone()[0]
    except sqlite3.OperationalError as error:
        return jsonify(error={"code": "bad_query", "message": str(error)}), 400
    return jsonify(total=total, results=[{"id": r[0], "title": r[1], "snippet": r[2]} for r in rows])


@app.post("/api/v1/chat")
def chat():
    body = request.get_json(silent=True)
    question = body.get("question") if isinstance(body, dict) else None
    if not isinstance(question, str) or not question.strip():
        return jsonify(error={"code": "bad_request", "message": "question is required"}), 400
    if len(question) > MAX_QUESTION:
        return jsonify(error={"code": "question_too_long", "message": f"at most {MAX_QUESTION} characters"}), 400
    stems = sorted({spanish.stem(word) for word in spanish.words(question) if word not in spanish.STOPWORDS})
    rows = []
    if stems:
        rows = db().execute(
            "SELECT d.rowid, docs.title, snippet(d, 2, '', '', '…', 32) FROM d JOIN docs ON docs.id = d.rowid"
            " WHERE d MATCH ? ORDER BY bm25(d, 0, 5, 1) LIMIT ?",
            (" OR ".join(f'"{stem}"' for stem in stems), CITED),
        ).fetchall()
    if not rows:
        return jsonify(answer="No encontré nada publicado sobre eso.", citations=[])
    answer = " ".join(f"Según {title} [{n}]: «{quote}»." for n, (_, title, quote) in enumerate(rows, 1))
    citations = [{"document_id": r[0], "title": r[1], "quote": r[2]} for r in rows]
    return jsonify(answer=answer, citations=citations)
