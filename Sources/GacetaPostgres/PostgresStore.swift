import GacetaCore
import GacetaStoreSQL

/// The store for production and for several hosts sharing one database: PostgreSQL through libpq, one
/// connection per instance (a worker opens it once, at start). Behaves like `SQLiteStore`; both pass the same
/// conformance tests. Every value is bound as a parameter, never spliced into SQL.
public final class PostgresStore: Store {
    let connection: PostgresConnection
    /// The libpq URI, for `pg_dump` and `pg_restore`.
    let url: String
    let textSearch = PostgresTextSearch()
    /// Each phrase's chunks in the whole table, while it does not change.
    var phraseCounts = PhraseCountCache()
    /// Longest a search may run (`[search] timeout`, as `statement_timeout`); nil: no limit.
    public var searchTimeout: Duration?

    /// Every this many documents, an ingest folds `chunk_totals` back into one row.
    static let chunkTotalsFoldInterval: Int64 = 64

    /// Taken (`pg_advisory_xact_lock`) first by every transaction that adds or deletes chunks, so that such
    /// transactions run one at a time, as SQLite's writers do: each changes the counts in `lexemes` of the common
    /// words, and two that took those rows and the edition's row in different orders would wait for each other in
    /// a cycle (PostgreSQL aborts one: `concurrentReplacementsNeitherDeadlockNorMiscount` saw it when the lock was
    /// taken only where the counts change).
    static let chunkWriterLock = PostgresMigrations.lockKey + 2

    /// Takes `chunkWriterLock` for the rest of the transaction (again, when held already, is harmless).
    func lockChunkWriters() throws(StoreError) {
        try connection.preparedQuery("SELECT pg_advisory_xact_lock($1)", [String(Self.chunkWriterLock)])
    }

    /// Connects to `url`, a libpq URI such as `postgresql://gacetachat@/gacetachat?host=/run/postgresql`.
    public init(url: String) throws(StoreError) {
        connection = try PostgresConnection(url: url)
        self.url = url
    }

    /// Runs `check` after every successful (re)connection, before the call that needed it (a worker checks the
    /// schema there: the server may be down when the worker starts).
    public func verifyAfterConnecting(_ check: @escaping () throws(StoreError) -> Void) {
        connection.verifyAfterConnecting = check
    }

    // MARK: - Schema

    /// Read-only: a worker checks the schema at boot without writing.
    public func schemaVersion() throws(StoreError) -> (current: Int, required: Int) {
        let exists = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL")
        guard exists.string(0, 0) == "t" else { return (0, PostgresMigrations.latest) }
        let version = try connection.query("SELECT coalesce(max(version), 0) FROM schema_migrations")
        return (version.int(0, 0), PostgresMigrations.latest)
    }

    /// Applies the missing steps in one transaction, holding an advisory lock so that several processes or
    /// hosts migrating at once apply each step exactly once.
    @discardableResult
    public func migrate() throws(StoreError) -> [Int] { try migrate(through: PostgresMigrations.latest) }

    /// Applies the missing steps up to version `target` (tests build older databases with it).
    @discardableResult
    public func migrate(through target: Int) throws(StoreError) -> [Int] {
        try connection.transaction { () throws(StoreError) -> [Int] in
            try connection.query("SELECT pg_advisory_xact_lock($1)", [String(PostgresMigrations.lockKey)])
            try connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at text NOT NULL)")
            let current = try schemaVersion().current
            var applied: [Int] = []
            for step in PostgresMigrations.steps where step.version > current && step.version <= target {
                try connection.execute(step.sql)
                try connection.query(
                    """
                    INSERT INTO schema_migrations (version, applied_at)
                    VALUES ($1, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                    """, [String(step.version)])
                applied.append(step.version)
            }
            if max(current, target) >= 6 { try connection.execute(EditionSQL.pageOCR(integer: "bigint")) }
            return applied
        }
    }

    public func ping() throws(StoreError) {
        try connection.preparedQuery("SELECT 1")
    }

    // MARK: - Ingest

    public func sourceDigest(path: String) throws(StoreError) -> String? {
        let result = try connection.preparedQuery(AdminSQL.postgres(EditionSQL.sourceDigest), [path])
        return result.rowCount > 0 ? result.string(0, 0) : nil
    }

    @discardableResult
    public func ingest(_ document: IngestDocument) throws(StoreError) -> IngestOutcome {
        try connection.transaction { () throws(StoreError) -> IngestOutcome in
            try lockChunkWriters()
            // FOR UPDATE: two processes ingesting the same path queue up instead of both inserting.
            let existing = try connection.preparedQuery(
                "SELECT id, source_sha256 FROM documents WHERE source_path = $1 FOR UPDATE", [document.sourcePath])
            var replaced = false
            if existing.rowCount > 0 {
                let id = existing.int64(0, 0)
                if existing.string(0, 1) == document.sourceSHA256 { return .unchanged(documentID: id) }
                try deleteDocument(id)
                replaced = true
            }
            let editionID = try upsertEdition(document.edition)
            let documentID = try insertDocument(document, editionID: editionID, sourcePath: document.sourcePath)
            return replaced ? .replaced(documentID: documentID) : .inserted(documentID: documentID)
        }
    }

    /// Deletes a document (its pages and chunks go with it) and takes its chunks out of `chunk_totals` with a
    /// row of negative counts (and out of `lexemes`' counts, by trigger). The caller holds `chunkWriterLock`.
    func deleteDocument(_ id: Int64) throws(StoreError) {
        try connection.preparedQuery(
            """
            INSERT INTO chunk_totals (chunks, tokens)
            SELECT -count(*), -coalesce(sum(token_count), 0) FROM chunks WHERE document_id = $1
            """, [String(id)])
        try connection.preparedQuery("DELETE FROM documents WHERE id = $1", [String(id)])
    }

    @discardableResult
    public func ingest(edition: IngestEdition) throws(StoreError) -> EditionIngestOutcome {
        try connection.transaction { () throws(StoreError) -> EditionIngestOutcome in
            // One writer at a time: two processes storing the same file queue up here.
            try lockChunkWriters()
            return try EditionWriter.ingest(edition, into: self)
        }
    }

    /// The regular edition of a date and number a whole document belongs to (found or made).
    private func upsertEdition(_ edition: IngestDocument.NewEdition) throws(StoreError) -> Int64 {
        let found = try connection.preparedQuery(
            """
            SELECT id FROM editions
            WHERE date = $1 AND coalesce(number, '') = coalesce($2, '') AND kind = 'regular' AND alcance_number IS NULL
            """,
            [edition.date, edition.number])
        if found.rowCount > 0 {
            let id = found.int64(0, 0)
            try connection.preparedQuery(
                "UPDATE editions SET source_url = coalesce($2, source_url), sha256 = coalesce($3, sha256) WHERE id = $1",
                [String(id), edition.sourceURL, edition.sha256])
            return id
        }
        // Another process may insert the same edition meanwhile: the unique index settles it.
        let inserted = try connection.preparedQuery(
            """
            INSERT INTO editions (date, number, source_url, sha256) VALUES ($1, $2, $3, $4)
            ON CONFLICT (date, coalesce(number, ''), kind, coalesce(alcance_number, 0)) DO UPDATE
                SET source_url = coalesce(EXCLUDED.source_url, editions.source_url),
                    sha256 = coalesce(EXCLUDED.sha256, editions.sha256)
            RETURNING id
            """, [edition.date, edition.number, edition.sourceURL, edition.sha256])
        return inserted.int64(0, 0)
    }

    /// Inserts a document row (a notice's facts included) with its pages, chunks and index entries.
    public func insertDocument(_ document: IngestDocument, editionID: Int64, sourcePath: String) throws(StoreError)
        -> Int64
    {
        let notice = document.notice
        let inserted = try connection.preparedQuery(
            """
            INSERT INTO documents (edition_id, title, section, type, identifier, source_path, source_sha256,
                                   source_url, page_count, institution, publication_code, first_page, last_page,
                                   first_printed_page, last_printed_page, notice_index, key)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id
            """,
            [
                String(editionID), document.title, document.section, document.type, document.identifier,
                sourcePath, document.sourceSHA256, document.edition.sourceURL, String(document.pages.count),
                notice.institution, notice.publicationCode,
                String(notice.firstPage ?? document.pages.first?.index ?? 1),
                String(notice.lastPage ?? document.pages.last?.index ?? 1),
                notice.firstPrintedPage ?? document.pages.first?.printedNumber,
                notice.lastPrintedPage ?? document.pages.last?.printedNumber, notice.index.map(String.init),
                notice.key,
            ])
        let documentID = inserted.int64(0, 0)
        try insertPages(document, documentID: documentID)
        return documentID
    }

    private func insertPages(_ document: IngestDocument, documentID: Int64) throws(StoreError) {
        let sumario = document.isSumario ? "1" : "0"
        var ordinal = 0
        var tokens = 0
        var lexemes: [String: Int] = [:]
        for page in document.pages {
            let inserted = try connection.preparedQuery(
                "INSERT INTO pages (document_id, page_index, printed_number, text) VALUES ($1, $2, $3, $4) RETURNING id",
                [String(documentID), String(page.index), page.printedNumber, page.text])
            let pageID = inserted.int64(0, 0)
            if page.ocr { try editionRun(EditionSQL.insertPageOCR, [String(pageID)]) }
            for text in page.chunks {
                ordinal += 1
                // The title is indexed with the first chunk only: a title match is one hit, not one per chunk.
                let vector = textSearch.vector(title: ordinal == 1 ? document.title : "", body: text)
                tokens += vector.tokenCount
                for lexeme in vector.lexemes { lexemes[lexeme, default: 0] += 1 }
                try connection.preparedQuery(
                    """
                    INSERT INTO chunks (document_id, page_id, ordinal, text, terms, token_count, sumario)
                    VALUES ($1, $2, $3, $4, $5::tsvector, $6, $7)
                    """,
                    [
                        String(documentID), String(pageID), String(ordinal), text, vector.literal,
                        String(vector.tokenCount), sumario,
                    ])
            }
        }
        // Each lexeme's chunks added to its count (the chunks of a deleted document are taken out by a trigger),
        // in byte order (the primary key's); the caller holds `chunkWriterLock`.
        let sorted = lexemes.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        try connection.preparedQuery(
            """
            INSERT INTO lexemes (lexeme, chunks) SELECT * FROM unnest($1::text[], $2::bigint[])
            ON CONFLICT (lexeme) DO UPDATE SET chunks = lexemes.chunks + EXCLUDED.chunks
            """,
            [
                PostgresTextSearch.arrayLiteral(sorted.map(\.key)),
                PostgresTextSearch.arrayLiteral(sorted.map { String($0.value) }),
            ])
        // A row per ingest, summed by searches (a release from before version 4 updated one row: its ingests fail).
        // Now and then an ingest folds the rows committed so far into one (rows still uncommitted stay, and count
        // later).
        try connection.preparedQuery(
            "INSERT INTO chunk_totals (chunks, tokens) VALUES ($1, $2)", [String(ordinal), String(tokens)])
        if documentID % Self.chunkTotalsFoldInterval == 0 {
            try connection.preparedQuery(
                """
                WITH folded AS (DELETE FROM chunk_totals RETURNING chunks, tokens)
                INSERT INTO chunk_totals (chunks, tokens) SELECT coalesce(sum(chunks), 0), coalesce(sum(tokens), 0) FROM folded
                """)
        }
    }
}

extension PostgresStore: EditionWriterDriver {
    public func editionRows(_ sql: String, _ values: [String?], columns: Int) throws(StoreError) -> [[String?]] {
        let result = try connection.preparedQuery(AdminSQL.postgres(sql), values)
        return (0..<result.rowCount).map { row in (0..<columns).map { result.string(row, $0) } }
    }

    public func editionInsert(_ sql: String, _ values: [String?]) throws(StoreError) -> Int64 {
        try connection.preparedQuery(AdminSQL.postgres(sql) + " RETURNING id", values).int64(0, 0)
    }

    public func editionRun(_ sql: String, _ values: [String?]) throws(StoreError) {
        try connection.preparedQuery(AdminSQL.postgres(sql), values)
    }

    public func deleteStoredDocument(_ id: Int64) throws(StoreError) { try deleteDocument(id) }
}
