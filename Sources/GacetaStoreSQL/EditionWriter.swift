import GacetaCore

/// What a store lends `EditionWriter`: statements with `?N` parameters bound as text, and its own ways to insert
/// a document (pages, chunks, index) and to delete one.
public protocol EditionWriterDriver: AnyObject {
    func editionRows(_ sql: String, _ values: [String?], columns: Int) throws(StoreError) -> [[String?]]
    /// The id of the row `sql` inserted (PostgreSQL adds `RETURNING id`).
    func editionInsert(_ sql: String, _ values: [String?]) throws(StoreError) -> Int64
    func editionRun(_ sql: String, _ values: [String?]) throws(StoreError)
    /// Inserts `document` (its pages, chunks and index entries; `sumario` marks its chunks) and returns its id.
    func insertDocument(_ document: IngestDocument, editionID: Int64, sourcePath: String) throws(StoreError) -> Int64
    func deleteStoredDocument(_ id: Int64) throws(StoreError)
}

extension EditionWriterDriver {
    public func editionID(ofDocument id: Int64) throws(StoreError) -> Int64? {
        try editionRows(EditionSQL.editionOfDocument, [String(id)], columns: 1).first?[0].flatMap { Int64($0) }
    }

    public func pagesWithoutText(documentID: Int64) throws(StoreError) -> [Int] {
        try editionRows(EditionSQL.pagesWithoutText, [String(documentID)], columns: 1).compactMap {
            $0[0].flatMap { Int($0) }
        }
    }

    public func storedPDFs() throws(StoreError) -> [DocumentSource] {
        try editionRows(EditionSQL.storedPDFs, [], columns: 2).compactMap { row in
            guard let path = row[0], let sha = row[1] else { return nil }
            return DocumentSource(path: path, sha256: sha)
        }
    }

    public func documentIDs(ofFile path: String) throws(StoreError) -> [Int64] {
        try editionRows(EditionSQL.documentsOfFile, [path], columns: 1).compactMap { $0[0].flatMap { Int64($0) } }
    }

    /// `ConversationStore.remapCitations` over the shared SQL (each store runs it in a transaction).
    public func remapStoredCitations(_ remap: ([Citation]) -> [Citation]?) throws(StoreError) -> Int {
        var changed = 0
        for row in try editionRows(EditionSQL.turnCitations, [], columns: 2) {
            guard let id = row[0], let text = row[1] else { continue }
            guard let remapped = remap(try CitationJSON.decode(text)) else { continue }
            try editionRun(EditionSQL.updateTurnCitations, [id, try CitationJSON.encode(remapped)])
            changed += 1
        }
        return changed
    }

    public func storedFile(path: String) throws(StoreError) -> EditionIngestOutcome? {
        if let row = try editionRows(EditionSQL.editionByPath, [path], columns: 2).first,
            let id = row[0].flatMap({ Int64($0) })
        {
            return try EditionWriter.outcome(.unchanged, editionID: id, self)
        }
        let rows = try editionRows(EditionSQL.wholeDocument, [path], columns: 5)
        guard let row = rows.first, let id = row[0].flatMap({ Int64($0) }), let edition = row[1].flatMap({ Int64($0) })
        else { return nil }
        return EditionIngestOutcome(
            change: .unchanged, editionID: edition,
            documents: [
                .init(
                    id: id, title: row[2] ?? "", firstPage: row[3].flatMap { Int($0) } ?? 1,
                    lastPage: row[4].flatMap { Int($0) } ?? 1)
            ])
    }
}

/// Stores an edition as its notices, the same way on both stores (each runs it inside one transaction).
public enum EditionWriter {
    public static func ingest(_ edition: IngestEdition, into driver: some EditionWriterDriver) throws(StoreError)
        -> EditionIngestOutcome
    {
        let path = edition.sourcePath
        let sha = edition.sourceSHA256
        let facts = edition.edition
        var change = EditionIngestOutcome.Change.inserted
        // The same file stored before: unchanged, or its edition loses that file's notices.
        if let row = try driver.editionRows(EditionSQL.editionByPath, [path], columns: 2).first,
            let id = row[0].flatMap({ Int64($0) })
        {
            if row[1] == sha, !edition.force { return try outcome(.unchanged, editionID: id, driver) }
            try removeNotices(editionID: id, path: path, driver)
            try driver.editionRun(EditionSQL.forgetFile, [String(id)])
            if try count(editionID: id, driver) == 0 { try driver.editionRun(EditionSQL.deleteEdition, [String(id)]) }
            change = .replaced
        }
        let identity = [facts.date, facts.number, facts.kind.rawValue, facts.alcanceNumber.map(String.init)]
        let editionID: Int64
        if let row = try driver.editionRows(EditionSQL.editionByIdentity, identity, columns: 3).first,
            let id = row[0].flatMap({ Int64($0) })
        {
            // The same edition from another file: the same bytes change nothing, others replace its notices.
            if row[1] == sha, row[2] != nil, !edition.force { return try outcome(.unchanged, editionID: id, driver) }
            if try removeNotices(editionID: id, path: path, driver) > 0 { change = .replaced }
            try driver.editionRun(
                EditionSQL.updateEdition,
                [String(id), facts.sourceURL, sha, facts.publication, facts.pages.map(String.init), path])
            editionID = id
        } else {
            if try removeNotices(editionID: 0, path: path, driver) > 0 { change = .replaced }
            editionID = try driver.editionInsert(
                EditionSQL.insertEdition,
                identity + [facts.sourceURL, sha, facts.publication, facts.pages.map(String.init), path])
        }
        for notice in edition.notices {
            let index = notice.notice.index ?? 0
            _ = try driver.insertDocument(
                notice, editionID: editionID, sourcePath: IngestEdition.noticePath(path, index: index))
        }
        try driver.editionRun(EditionSQL.linkAlcances, [facts.date])
        return try outcome(change, editionID: editionID, driver)
    }

    /// Deletes the edition's notices and any whole document of `path` (stored before the file was split);
    /// returns how many.
    @discardableResult
    private static func removeNotices(editionID: Int64, path: String, _ driver: some EditionWriterDriver)
        throws(StoreError) -> Int
    {
        let rows = try driver.editionRows(EditionSQL.replacedDocuments, [String(editionID), path], columns: 2)
        var emptied: Set<Int64> = []
        for row in rows {
            guard let id = row[0].flatMap({ Int64($0) }) else { continue }
            try driver.deleteStoredDocument(id)
            if let edition = row[1].flatMap({ Int64($0) }), edition != editionID { emptied.insert(edition) }
        }
        // A whole document's edition (stored before editions were split) goes when nothing is left in it.
        for edition in emptied.sorted() where try count(editionID: edition, driver) == 0 {
            try driver.editionRun(EditionSQL.deleteEdition, [String(edition)])
        }
        return rows.count
    }

    private static func count(editionID: Int64, _ driver: some EditionWriterDriver) throws(StoreError) -> Int {
        let rows = try driver.editionRows(EditionSQL.documentCount, [String(editionID)], columns: 1)
        return rows.first?[0].flatMap { Int($0) } ?? 0
    }

    static func outcome(
        _ change: EditionIngestOutcome.Change, editionID: Int64, _ driver: some EditionWriterDriver
    ) throws(StoreError) -> EditionIngestOutcome {
        let rows = try driver.editionRows(EditionSQL.notices, [String(editionID)], columns: 4)
        return EditionIngestOutcome(
            change: change, editionID: editionID,
            documents: rows.map { row in
                EditionIngestOutcome.StoredNotice(
                    id: row[0].flatMap { Int64($0) } ?? 0, title: row[1] ?? "",
                    firstPage: row[2].flatMap { Int($0) } ?? 1, lastPage: row[3].flatMap { Int($0) } ?? 1)
            })
    }
}
