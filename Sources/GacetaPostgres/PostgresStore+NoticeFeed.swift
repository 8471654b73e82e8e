import GacetaCore

extension PostgresStore: NoticeFeed {
    /// The documents with a matching passage, newest edition first, then by page; bounded by `searchTimeout`.
    public func recentNotices(
        matching request: SearchRequest, type: String?, storedSince: String?, limit: Int
    ) throws(StoreError)
        -> [NoticeEntry]
    {
        guard let query = textSearch.query(request.expression) else { return [] }
        var parameters = PostgresParameters()
        var conditions = ["c.terms @@ \(parameters.add(query))::tsquery", "coalesce(d.type, '') <> 'sumario'"]
        func add(_ value: String?, _ condition: (String) -> String) {
            guard let value, !value.isEmpty else { return }
            conditions.append(condition(parameters.add(value)))
        }
        add(request.from) { "e.date >= \($0)" }
        add(request.to) { "e.date <= \($0)" }
        add(request.section) { "(lower(d.section) = lower(\($0)) OR lower(d.type) = lower(\($0)))" }
        add(type ?? request.type) { "lower(d.type) = lower(\($0))" }
        add(request.edition) { "e.number = \($0)" }
        add(storedSince) { "d.ingested_at >= \($0)" }
        let sql = """
            SELECT d.id, d.title, d.section, d.type, e.date, e.number, min(p.page_index) AS first_page, d.key
            FROM chunks c
            JOIN pages p ON p.id = c.page_id
            JOIN documents d ON d.id = c.document_id
            JOIN editions e ON e.id = d.edition_id
            WHERE \(conditions.joined(separator: " AND "))
            GROUP BY d.id, d.title, d.section, d.type, e.date, e.number, d.key
            ORDER BY e.date DESC, first_page, d.id
            LIMIT \(max(1, limit))
            """
        let run = { () throws(StoreError) -> [NoticeEntry] in
            let result = try self.connection.query(sql, parameters.values)
            return (0..<result.rowCount).map { row in
                NoticeEntry(
                    documentID: result.int64(row, 0), title: result.string(row, 1) ?? "",
                    section: result.string(row, 2), type: result.string(row, 3),
                    editionDate: result.string(row, 4) ?? "", editionNumber: result.string(row, 5),
                    page: result.int(row, 6), key: result.string(row, 7))
            }
        }
        guard let limit = searchTimeout, limit > .zero else { return try run() }
        let parts = limit.components
        let milliseconds = max(1, parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000)
        return try connection.transaction { () throws(StoreError) -> [NoticeEntry] in
            try connection.execute("SET LOCAL statement_timeout = \(milliseconds)")
            return try run()
        }
    }
}
