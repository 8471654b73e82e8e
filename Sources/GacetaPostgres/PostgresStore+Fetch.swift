import GacetaCore
import GacetaStoreSQL

/// The fetch log (`FetchLogSQL` holds its methods).
extension PostgresStore: FetchLogSQL {
    public func fetchRows(_ sql: String, _ parameters: [String?], columns: Int) throws(StoreError) -> [[String?]] {
        let result = try connection.query(AdminSQL.postgres(sql), parameters)
        return (0..<result.rowCount).map { row in
            (0..<columns).map { result.isNull(row, $0) ? nil : result.string(row, $0) }
        }
    }

    public func fetchTransaction(_ body: () throws(StoreError) -> Void) throws(StoreError) {
        try connection.transaction(body)
    }
}

/// Alert subscriptions (`AlertStoreSQL` holds its methods, over the fetch log's statement runner).
extension PostgresStore: AlertStoreSQL {}
