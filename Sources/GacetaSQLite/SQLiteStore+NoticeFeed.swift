import GacetaCore

extension SQLiteStore: NoticeFeed {
    /// The documents with a matching passage, newest edition first, then by page; bounded by `searchTimeout`.
    public func recentNotices(
        matching request: SearchRequest, type: String?, storedSince: String?, limit: Int
    ) throws(StoreError)
        -> [NoticeEntry]
    {
        guard let match = FTS5Expression.build(request.expression, tokenizer: queryTokenizer) else { return [] }
        return try connection.withTimeLimit(searchTimeout) { () throws(StoreError) -> [NoticeEntry] in
            try connection.call { () throws(StoreError) -> [NoticeEntry] in
                var conditions = ""
                var values: [String] = []
                func add(_ sql: String, _ value: String?) {
                    guard let value, !value.isEmpty else { return }
                    values.append(value)
                    conditions += " AND " + sql.replacingParameter(values.count + 2)
                }
                add("e.date >= ?#", request.from)
                add("e.date <= ?#", request.to)
                add("(d.section = ?# COLLATE NOCASE OR d.type = ?# COLLATE NOCASE)", request.section)
                add("d.type = ?# COLLATE NOCASE", type ?? request.type)
                add("e.number = ?#", request.edition)
                add("d.ingested_at >= ?#", storedSince)
                let statement = try connection.prepare(
                    """
                    SELECT d.id, d.title, d.section, d.type, e.date, e.number, min(p.page_index) AS first_page, d.key
                    FROM chunk_index
                    JOIN chunks c ON c.id = chunk_index.rowid
                    JOIN pages p ON p.id = c.page_id
                    JOIN documents d ON d.id = c.document_id
                    JOIN editions e ON e.id = d.edition_id
                    WHERE chunk_index MATCH ?1 AND coalesce(d.type, '') <> 'sumario'\(conditions)
                    GROUP BY d.id
                    ORDER BY e.date DESC, first_page, d.id
                    LIMIT ?2
                    """)
                statement.bind(1, match)
                statement.bind(2, limit)
                for (offset, value) in values.enumerated() { statement.bind(Int32(offset + 3), value) }
                var entries: [NoticeEntry] = []
                while try statement.step() {
                    entries.append(
                        NoticeEntry(
                            documentID: statement.int64(0), title: statement.string(1) ?? "",
                            section: statement.string(2), type: statement.string(3),
                            editionDate: statement.string(4) ?? "", editionNumber: statement.string(5),
                            page: statement.int(6), key: statement.string(7)))
                }
                return entries
            }
        }
    }
}
