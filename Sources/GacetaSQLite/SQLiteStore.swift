@preconcurrency import CSQLite
import GacetaCore
import GacetaSearch
import GacetaStoreSQL
import GacetaText
import Glibc

/// The embedded default store: one SQLite file in WAL mode, FTS5 with the Spanish tokenizer.
/// One instance per process (a worker opens it once, at start).
public final class SQLiteStore: Store {
    let connection: SQLiteConnection
    let path: String
    /// Used to check that query atoms hold searchable tokens before they reach FTS5.
    let queryTokenizer = SpanishTokenizer()
    /// The index's tokens and the query's phrases, for snippets built as on PostgreSQL.
    let terms = IndexTerms()
    /// Longest a search may run (`[search] timeout`); nil: no limit.
    public var searchTimeout: Duration?

    /// How much of the file SQLite reads through a memory map instead of `pread` into its 2 MB page cache (capped by
    /// the library, 2 GB in Debian's). A broad search touches a page of the chunks table per match (100,000 for
    /// "ley"): read through the map, those pages cost no system call and no copy (bench/search: a third of a
    /// worker's time was the kernel copying pages). Mapped pages are the kernel's page cache, shared between the
    /// workers, not memory of their own.
    static let mappedBytes = 1 << 31

    /// Opens (creating if needed) the database at `path`.
    public init(path: String) throws(StoreError) {
        self.path = path
        connection = try SQLiteConnection(path: path)
        try SQLiteStore.enableWAL(connection)
        try connection.execute(
            """
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = ON;
            PRAGMA temp_store = MEMORY;
            PRAGMA mmap_size = \(Self.mappedBytes);
            """)
        try SQLiteTokenizer.register(on: connection)
        try SQLiteLowerFunction.register(on: connection)
    }

    /// WAL lets readers (workers) and one writer (ingest) work at once. The mode is stored in the file;
    /// switching a new file needs a moment alone, which the busy timeout does not cover: retry.
    static func enableWAL(_ connection: SQLiteConnection) throws(StoreError) {
        var attempts = 0
        while true {
            do {
                try connection.execute("PRAGMA journal_mode = WAL")
                return
            } catch  where error.kind == .unavailable && attempts < 500 {
                attempts += 1
                usleep(10_000)
            }
        }
    }

    // MARK: - Schema

    /// Read-only: a worker checks the schema at boot without writing.
    public func schemaVersion() throws(StoreError) -> (current: Int, required: Int) {
        return try connection.call { () throws(StoreError) -> (current: Int, required: Int) in
            let exists = try connection.prepare(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
            _ = try exists.step()
            guard exists.int(0) > 0 else { return (0, SQLiteMigrations.latest) }
            let statement = try connection.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations")
            _ = try statement.step()
            return (statement.int(0), SQLiteMigrations.latest)
        }
    }

    @discardableResult
    public func migrate() throws(StoreError) -> [Int] { try migrate(through: SQLiteMigrations.latest) }

    /// Applies the missing steps up to version `target` (tests build older databases with it).
    @discardableResult
    public func migrate(through target: Int) throws(StoreError) -> [Int] {
        try connection.transaction { () throws(StoreError) -> [Int] in
            try connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
            // Read again inside the write lock: several processes may migrate at once.
            let current = try schemaVersion().current
            var applied: [Int] = []
            for step in SQLiteMigrations.steps where step.version > current && step.version <= target {
                try connection.execute(step.sql)
                let record = try connection.prepare(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
                )
                record.bind(1, step.version)
                try record.run()
                applied.append(step.version)
            }
            if max(current, target) >= 6 { try connection.execute(EditionSQL.pageOCR(integer: "integer")) }
            return applied
        }
    }

    public func ping() throws(StoreError) {
        try connection.call { () throws(StoreError) in
            let statement = try connection.prepare("SELECT 1")
            _ = try statement.step()
        }
    }

    // MARK: - Ingest

    public func sourceDigest(path: String) throws(StoreError) -> String? {
        return try connection.call { () throws(StoreError) -> String? in
            let statement = try connection.prepare(EditionSQL.sourceDigest)
            statement.bind(1, path)
            return try statement.step() ? statement.string(0) : nil
        }
    }

    @discardableResult
    public func ingest(_ document: IngestDocument) throws(StoreError) -> IngestOutcome {
        return try connection.call { () throws(StoreError) -> IngestOutcome in
            return try connection.transaction { () throws(StoreError) -> IngestOutcome in
                let existing = try connection.prepare("SELECT id, source_sha256 FROM documents WHERE source_path = ?1")
                existing.bind(1, document.sourcePath)
                var replaced = false
                if try existing.step() {
                    let id = existing.int64(0)
                    if existing.string(1) == document.sourceSHA256 { return .unchanged(documentID: id) }
                    try deleteDocument(id)
                    replaced = true
                }
                let editionID = try upsertEdition(document.edition)
                let documentID = try insertDocument(document, editionID: editionID, sourcePath: document.sourcePath)
                return replaced ? .replaced(documentID: documentID) : .inserted(documentID: documentID)
            }
        }
    }

    @discardableResult
    public func ingest(edition: IngestEdition) throws(StoreError) -> EditionIngestOutcome {
        return try connection.call { () throws(StoreError) -> EditionIngestOutcome in
            return try connection.transaction { () throws(StoreError) -> EditionIngestOutcome in
                try EditionWriter.ingest(edition, into: self)
            }
        }
    }

    /// The regular edition of a date and number a whole document belongs to (found or made).
    private func upsertEdition(_ edition: IngestDocument.NewEdition) throws(StoreError) -> Int64 {
        let find = try connection.prepare(
            """
            SELECT id FROM editions
            WHERE date = ?1 AND coalesce(number, '') = coalesce(?2, '') AND kind = 'regular' AND alcance_number IS NULL
            """)
        find.bind(1, edition.date)
        find.bind(2, edition.number)
        if try find.step() {
            let id = find.int64(0)
            let update = try connection.prepare(
                """
                UPDATE editions SET source_url = coalesce(?2, source_url), sha256 = coalesce(?3, sha256)
                WHERE id = ?1
                """)
            update.bind(1, id)
            update.bind(2, edition.sourceURL)
            update.bind(3, edition.sha256)
            try update.run()
            return id
        }
        let insert = try connection.prepare(
            "INSERT INTO editions (date, number, source_url, sha256) VALUES (?1, ?2, ?3, ?4)")
        insert.bind(1, edition.date)
        insert.bind(2, edition.number)
        insert.bind(3, edition.sourceURL)
        insert.bind(4, edition.sha256)
        try insert.run()
        return connection.lastInsertRowID
    }

    /// Inserts a document row (a notice's facts included) with its pages, chunks and index entries.
    public func insertDocument(_ document: IngestDocument, editionID: Int64, sourcePath: String) throws(StoreError)
        -> Int64
    {
        let insert = try connection.prepare(
            """
            INSERT INTO documents (edition_id, title, section, type, identifier, source_path, source_sha256,
                                   source_url, page_count, institution, publication_code, first_page, last_page,
                                   first_printed_page, last_printed_page, notice_index, key)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
            """)
        let notice = document.notice
        insert.bind(1, editionID)
        insert.bind(2, document.title)
        insert.bind(3, document.section)
        insert.bind(4, document.type)
        insert.bind(5, document.identifier)
        insert.bind(6, sourcePath)
        insert.bind(7, document.sourceSHA256)
        insert.bind(8, document.edition.sourceURL)
        insert.bind(9, document.pages.count)
        insert.bind(10, notice.institution)
        insert.bind(11, notice.publicationCode)
        insert.bind(12, Int64(notice.firstPage ?? document.pages.first?.index ?? 1))
        insert.bind(13, Int64(notice.lastPage ?? document.pages.last?.index ?? 1))
        insert.bind(14, notice.firstPrintedPage ?? document.pages.first?.printedNumber)
        insert.bind(15, notice.lastPrintedPage ?? document.pages.last?.printedNumber)
        insert.bind(16, notice.index.map(Int64.init))
        insert.bind(17, notice.key)
        try insert.run()
        let documentID = connection.lastInsertRowID
        try insertPages(document, documentID: documentID)
        return documentID
    }

    private func insertPages(_ document: IngestDocument, documentID: Int64) throws(StoreError) {
        let page = try connection.prepare(
            "INSERT INTO pages (document_id, page_index, printed_number, text) VALUES (?1, ?2, ?3, ?4)")
        let chunk = try connection.prepare(
            "INSERT INTO chunks (document_id, page_id, ordinal, text, sumario) VALUES (?1, ?2, ?3, ?4, ?5)")
        let sumario = document.type == Document.sumarioType ? 1 : 0
        let index = try connection.prepare("INSERT INTO chunk_index (rowid, title, body) VALUES (?1, ?2, ?3)")
        var ordinal = 0
        for newPage in document.pages {
            page.reset()
            page.bind(1, documentID)
            page.bind(2, newPage.index)
            page.bind(3, newPage.printedNumber)
            page.bind(4, newPage.text)
            try page.run()
            let pageID = connection.lastInsertRowID
            if newPage.ocr { try editionRun(EditionSQL.insertPageOCR, [String(pageID)]) }
            for text in newPage.chunks {
                ordinal += 1
                chunk.reset()
                chunk.bind(1, documentID)
                chunk.bind(2, pageID)
                chunk.bind(3, ordinal)
                chunk.bind(4, text)
                chunk.bind(5, sumario)
                try chunk.run()
                index.reset()
                index.bind(1, connection.lastInsertRowID)
                index.bind(2, ordinal == 1 ? document.title : "")
                index.bind(3, text)
                try index.run()
            }
        }
    }

    /// Removes a document and its index entries (external-content FTS needs the old values to delete).
    func deleteDocument(_ id: Int64) throws(StoreError) {
        let unindex = try connection.prepare(
            """
            INSERT INTO chunk_index (chunk_index, rowid, title, body)
            SELECT 'delete', id, title, body FROM chunk_source
            WHERE id IN (SELECT id FROM chunks WHERE document_id = ?1)
            """)
        unindex.bind(1, id)
        try unindex.run()
        let delete = try connection.prepare("DELETE FROM documents WHERE id = ?1")
        delete.bind(1, id)
        try delete.run()
    }
}

extension SQLiteStore: EditionWriterDriver {
    public func editionRows(_ sql: String, _ values: [String?], columns: Int) throws(StoreError) -> [[String?]] {
        let statement = try connection.prepare(sql)
        for (index, value) in values.enumerated() { statement.bind(Int32(index + 1), value) }
        var rows: [[String?]] = []
        while try statement.step() {
            rows.append((0..<Int32(columns)).map { statement.isNull($0) ? nil : statement.string($0) })
        }
        statement.reset()
        return rows
    }

    public func editionInsert(_ sql: String, _ values: [String?]) throws(StoreError) -> Int64 {
        try editionRun(sql, values)
        return connection.lastInsertRowID
    }

    public func editionRun(_ sql: String, _ values: [String?]) throws(StoreError) {
        let statement = try connection.prepare(sql)
        for (index, value) in values.enumerated() { statement.bind(Int32(index + 1), value) }
        try statement.run()
    }

    public func deleteStoredDocument(_ id: Int64) throws(StoreError) { try deleteDocument(id) }
}
