import GacetaCore

extension PostgresStore {
    public func contents() throws(StoreError) -> StoreContents {
        guard try schemaVersion().current > 0 else { return StoreContents(editions: 0, documents: 0, conversations: 0) }
        let result = try connection.query(BackupSQL.contents)
        return StoreContents(editions: result.int(0, 0), documents: result.int(0, 1), conversations: result.int(0, 2))
    }
}
