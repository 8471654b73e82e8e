"""The seed's search service: Flask behind `gunicorn -w N` (bench/search runs it behind the same nginx as the
project). GET /api/v1/search?q=…&per_page=10 → {"total", "results": [{"id", "title", "snippet"}]}: the whole
documents matching every required stem, ORDER BY bm25(d, 0, 5, 1) LIMIT per_page with snippet(), and the
exact total. The index is seed_index.py's, at $SEED_DB. Bad input gets a 400, as the project's does.
"""

import os
import sqlite3

from flask import Flask, jsonify, request

import spanish

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
