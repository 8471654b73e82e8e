import GacetaCore
import GacetaStoreSQL

extension SQLiteStore {
    public func editions(limit: Int, offset: Int) throws(StoreError) -> [Edition] {
        return try connection.call { () throws(StoreError) -> [Edition] in
            let statement = try connection.prepare(
                BrowseSQL.editionColumns + " ORDER BY e.date DESC, e.number DESC LIMIT ?1 OFFSET ?2")
            statement.bind(1, limit)
            statement.bind(2, offset)
            return try readEditions(statement)
        }
    }

    public func edition(date: String) throws(StoreError) -> [Edition] {
        return try connection.call { () throws(StoreError) -> [Edition] in
            let statement = try connection.prepare(BrowseSQL.editionColumns + " WHERE e.date = ?1 ORDER BY e.number")
            statement.bind(1, date)
            return try readEditions(statement)
        }
    }

    public func documents(editionID: Int64) throws(StoreError) -> [Document] {
        return try connection.call { () throws(StoreError) -> [Document] in
            let statement = try connection.prepare(
                BrowseSQL.documentColumns + " WHERE d.edition_id = ?1" + BrowseSQL.documentOrder)
            statement.bind(1, editionID)
            var documents: [Document] = []
            while try statement.step() { documents.append(readDocument(statement)) }
            return documents
        }
    }

    public func document(id: Int64) throws(StoreError) -> Document? {
        return try connection.call { () throws(StoreError) -> Document? in
            let statement = try connection.prepare(BrowseSQL.documentColumns + " WHERE d.id = ?1")
            statement.bind(1, id)
            return try statement.step() ? readDocument(statement) : nil
        }
    }

    public func notice(key: String) throws(StoreError) -> Document? {
        return try connection.call { () throws(StoreError) -> Document? in
            let statement = try connection.prepare(BrowseSQL.documentColumns + BrowseSQL.noticeByKey)
            statement.bind(1, key)
            return try statement.step() ? readDocument(statement) : nil
        }
    }

    public func page(documentID: Int64, index: Int) throws(StoreError) -> Page? {
        return try connection.call { () throws(StoreError) -> Page? in
            let statement = try connection.prepare(EditionSQL.page)
            statement.bind(1, documentID)
            statement.bind(2, index)
            guard try statement.step() else { return nil }
            return Page(
                documentID: documentID, index: index, printedNumber: statement.string(0),
                text: statement.string(1) ?? "", ocr: statement.int(2) != 0)
        }
    }

    public func documentSource(id: Int64) throws(StoreError) -> DocumentSource? {
        return try connection.call { () throws(StoreError) -> DocumentSource? in
            let statement = try connection.prepare(EditionSQL.documentSource)
            statement.bind(1, id)
            guard try statement.step() else { return nil }
            return DocumentSource(path: statement.string(0) ?? "", sha256: statement.string(1) ?? "")
        }
    }

    private func readEditions(_ statement: SQLiteStatement) throws(StoreError) -> [Edition] {
        var editions: [Edition] = []
        while try statement.step() { editions.append(BrowseSQL.edition { statement.string(Int32($0)) }) }
        return editions
    }

    private func readDocument(_ statement: SQLiteStatement) -> Document {
        BrowseSQL.document { statement.string(Int32($0)) }
    }
}
