import GacetaStoreSQL

/// The schema, as numbered steps. A version, once released, never changes: add a new one.
enum SQLiteMigrations {
    static let steps: [(version: Int, sql: String)] = [
        (
            1,
            """
            CREATE TABLE editions (
                id INTEGER PRIMARY KEY,
                date TEXT NOT NULL,
                number TEXT,
                source_url TEXT,
                sha256 TEXT
            );
            CREATE UNIQUE INDEX editions_date_number ON editions(date, coalesce(number, ''));
            CREATE TABLE documents (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                edition_id INTEGER NOT NULL REFERENCES editions(id),
                title TEXT NOT NULL,
                section TEXT,
                type TEXT,
                identifier TEXT,
                source_path TEXT NOT NULL UNIQUE,
                source_sha256 TEXT NOT NULL,
                source_url TEXT,
                page_count INTEGER NOT NULL,
                ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
            );
            CREATE INDEX documents_edition ON documents(edition_id);
            CREATE TABLE pages (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                page_index INTEGER NOT NULL,
                printed_number TEXT,
                text TEXT NOT NULL,
                UNIQUE (document_id, page_index)
            );
            CREATE TABLE chunks (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                text TEXT NOT NULL
            );
            CREATE INDEX chunks_document ON chunks(document_id);
            CREATE INDEX chunks_page ON chunks(page_id);
            -- The index reads its text from here (external content). The title is indexed with a
            -- document's first chunk only: a title match is one hit, not one per chunk.
            CREATE VIEW chunk_source AS
                SELECT c.id AS id, CASE WHEN c.ordinal = 1 THEN d.title ELSE '' END AS title, c.text AS body
                FROM chunks c JOIN documents d ON d.id = c.document_id;
            CREATE VIRTUAL TABLE chunk_index USING fts5(
                title, body, content = 'chunk_source', content_rowid = 'id', tokenize = 'gaceta'
            );
            """
        ),
        (
            2,
            """
            CREATE TABLE conversations (
                id TEXT PRIMARY KEY,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX conversations_updated ON conversations(updated_at);
            CREATE TABLE conversation_turns (
                id INTEGER PRIMARY KEY,
                conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                question TEXT NOT NULL,
                answer TEXT NOT NULL,
                citations TEXT NOT NULL,
                provider TEXT NOT NULL,
                fallback_reason TEXT,
                created_at TEXT NOT NULL,
                UNIQUE (conversation_id, ordinal)
            );
            """
        ),
        (
            3,
            """
            CREATE TABLE admin_tokens (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                sha256 TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL
            );
            """
        ),
        (
            4,
            """
            -- PostgreSQL keeps a table of the index's lexemes for prefix searches; FTS5 finds prefixes itself.
            """
        ),
        // `gacetachat fetch`: a state for every date and file tried, its runs and the counters behind its metrics.
        (5, FetchSQL.schema(integer: "integer")),
        // An edition is the unit of ingest and its notices are documents (`EditionSQL`).
        (6, EditionSQL.schema(integer: "integer")),
        // Daily summaries: five bullets a date, each naming its notice by key (`SummarySQL`).
        (7, SummarySQL.schema(integer: "integer")),
        // Alerts on saved searches (issue 18): subscriptions, what each was sent, confirmations per address, the
        // do-not-mail list. Versions 6 and 7 belong to the notices and summaries work.
        (8, AlertSQL.schema),
        (
            9,
            """
            -- PostgreSQL keeps each lexeme's chunks beside it for IDF; FTS5 counts them itself (fts5vocab).
            """
        ),
    ]

    static var latest: Int { steps.last?.version ?? 0 }
}
