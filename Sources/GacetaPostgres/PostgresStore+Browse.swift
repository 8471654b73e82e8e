import GacetaCore
import GacetaStoreSQL

extension PostgresStore {
    public func editions(limit: Int, offset: Int) throws(StoreError) -> [Edition] {
        // NULLS LAST: SQLite sorts NULL numbers last in DESC order too.
        let result = try connection.preparedQuery(
            BrowseSQL.editionColumns + " ORDER BY e.date DESC, e.number DESC NULLS LAST LIMIT $1 OFFSET $2",
            [String(max(0, limit)), String(max(0, offset))])
        return Self.editions(result)
    }

    public func edition(date: String) throws(StoreError) -> [Edition] {
        let result = try connection.preparedQuery(
            BrowseSQL.editionColumns + " WHERE e.date = $1 ORDER BY e.number NULLS FIRST", [date])
        return Self.editions(result)
    }

    public func documents(editionID: Int64) throws(StoreError) -> [Document] {
        let result = try connection.preparedQuery(
            BrowseSQL.documentColumns + " WHERE d.edition_id = $1" + BrowseSQL.documentOrder, [String(editionID)])
        return (0..<result.rowCount).map { Self.document(result, row: $0) }
    }

    public func document(id: Int64) throws(StoreError) -> Document? {
        let result = try connection.preparedQuery(BrowseSQL.documentColumns + " WHERE d.id = $1", [String(id)])
        return result.rowCount > 0 ? Self.document(result, row: 0) : nil
    }

    public func notice(key: String) throws(StoreError) -> Document? {
        let result = try connection.preparedQuery(
            BrowseSQL.documentColumns + AdminSQL.postgres(BrowseSQL.noticeByKey), [key])
        return result.rowCount > 0 ? Self.document(result, row: 0) : nil
    }

    public func page(documentID: Int64, index: Int) throws(StoreError) -> Page? {
        let result = try connection.preparedQuery(
            AdminSQL.postgres(EditionSQL.page), [String(documentID), String(index)])
        guard result.rowCount > 0 else { return nil }
        return Page(
            documentID: documentID, index: index, printedNumber: result.string(0, 0), text: result.string(0, 1) ?? "",
            ocr: result.string(0, 2) == "t")
    }

    public func documentSource(id: Int64) throws(StoreError) -> DocumentSource? {
        let result = try connection.query(AdminSQL.postgres(EditionSQL.documentSource), [String(id)])
        guard result.rowCount > 0 else { return nil }
        return DocumentSource(path: result.string(0, 0) ?? "", sha256: result.string(0, 1) ?? "")
    }

    private static func editions(_ result: PostgresResult) -> [Edition] {
        (0..<result.rowCount).map { row in BrowseSQL.edition { result.string(row, $0) } }
    }

    private static func document(_ result: PostgresResult, row: Int) -> Document {
        BrowseSQL.document { result.string(row, $0) }
    }
}
