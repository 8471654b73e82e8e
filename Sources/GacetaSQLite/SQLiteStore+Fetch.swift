import GacetaCore
import GacetaStoreSQL

/// The fetch log (`FetchLogSQL` holds its methods).
extension SQLiteStore: FetchLogSQL {
    public func fetchRows(_ sql: String, _ parameters: [String?], columns: Int) throws(StoreError) -> [[String?]] {
        try connection.call { () throws(StoreError) -> [[String?]] in
            let statement = try connection.prepare(sql)
            for (index, value) in parameters.enumerated() { statement.bind(Int32(index + 1), value) }
            var result: [[String?]] = []
            while try statement.step() {
                result.append((0..<Int32(columns)).map { statement.isNull($0) ? nil : statement.string($0) })
            }
            return result
        }
    }

    public func fetchTransaction(_ body: () throws(StoreError) -> Void) throws(StoreError) {
        try connection.call { () throws(StoreError) in try connection.transaction(body) }
    }
}

/// Alert subscriptions (`AlertStoreSQL` holds its methods, over the fetch log's statement runner).
extension SQLiteStore: AlertStoreSQL {}
