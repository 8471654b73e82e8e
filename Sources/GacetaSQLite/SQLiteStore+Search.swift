import GacetaCore
import GacetaSearch
import GacetaStoreSQL
import GacetaText

extension SQLiteStore {
    /// Title matches weigh this much more than body matches in BM25.
    static let titleWeight = 4.0

    /// Ranks every match (ids and BM25 only; never a window of the newest, so an old passage that matches best
    /// is found; an edition's `sumario` after every notice), then reads the page of hits it returns and builds their snippets (`SnippetBuilder`, shared
    /// with PostgreSQL).
    /// Stops past `searchTimeout` with `.timedOut`.
    public func search(_ request: SearchRequest) throws(StoreError) -> SearchResults {
        return try connection.withTimeLimit(searchTimeout) { () throws(StoreError) -> SearchResults in
            try unboundedSearch(request)
        }
    }

    private func unboundedSearch(_ request: SearchRequest) throws(StoreError) -> SearchResults {
        return try connection.call { () throws(StoreError) -> SearchResults in
            let page = max(1, request.page)
            let perPage = min(max(1, request.perPage), SearchRequest.maximumPerPage)
            guard let match = FTS5Expression.build(request.expression, tokenizer: queryTokenizer) else {
                return SearchResults(total: 0, page: page, perPage: perPage, hits: [])
            }
            let filter = Filter(request)

            let total =
                request.countsTotal ? try count(match: match, filter: filter, sumario: request.includesSumario) : nil

            let offset = (page - 1) * perPage
            // Without sumarios: every match ranked as if there were none, enough rows read to skip them (testing each
            // match against them in SQL cost as much as ranking them last). Their ids come from a partial index, one
            // to three an edition: a few thousand ids after years of editions, read in well under a millisecond.
            let skipped = request.includesSumario ? [] : try sumarioChunkIDs()
            let sumarioLast = request.includesSumario ? "chunk_index.rowid IN (\(Self.sumarioChunks)), " : ""
            let order =
                request.sort == .date
                ? "e.date DESC, \(sumarioLast)score, chunk_index.rowid" : "\(sumarioLast)score, chunk_index.rowid"
            let rank = try connection.prepare(
                """
                SELECT chunk_index.rowid, bm25(chunk_index, \(Self.titleWeight), 1.0) AS score
                FROM chunk_index \(filter.joins)
                WHERE chunk_index MATCH ?1 \(filter.conditions)
                ORDER BY \(order)
                LIMIT ?2 OFFSET ?3
                """)
            rank.bind(1, match)
            rank.bind(2, skipped.isEmpty ? perPage : offset + perPage + skipped.count)
            rank.bind(3, skipped.isEmpty ? offset : 0)
            filter.bind(to: rank)
            var ranked: [(id: Int64, score: Double)] = []
            while try rank.step() { ranked.append((rank.int64(0), rank.double(1))) }
            if !skipped.isEmpty {
                ranked = Array(ranked.filter { !skipped.contains($0.id) }.dropFirst(offset).prefix(perPage))
            }

            let snippets =
                request.snippets ? SnippetBuilder(phrases: terms.phrases(request.expression), terms: terms) : nil
            var hits: [SearchHit] = []
            for (id, score) in ranked {
                if let hit = try hit(chunkID: id, score: score, snippets: snippets) { hits.append(hit) }
            }
            var results = SearchResults(total: total ?? hits.count, page: page, perPage: perPage, hits: hits)
            if request.facets { results.facets = try facets(match: match, filter: filter) }
            return results
        }
    }

    /// The chunks of editions' sumarios (a partial index holds them).
    static let sumarioChunks = "SELECT id FROM chunks WHERE sumario = 1"

    private func sumarioChunkIDs() throws(StoreError) -> Set<Int64> {
        let statement = try connection.prepare(Self.sumarioChunks)
        var ids: Set<Int64> = []
        while try statement.step() { ids.insert(statement.int64(0)) }
        return ids
    }

    /// The matches (with or without sumarios), counted up to one past the reported maximum: a broad query ("de*")
    /// stops there.
    private func count(match: String, filter: Filter, sumario: Bool) throws(StoreError) -> Int {
        let excluded = sumario ? "" : " AND chunk_index.rowid NOT IN (\(Self.sumarioChunks))"
        let count = try connection.prepare(
            """
            SELECT count(*) FROM (SELECT 1 FROM chunk_index \(filter.joins)
            WHERE chunk_index MATCH ?1 \(filter.conditions)\(excluded) LIMIT ?2)
            """)
        count.bind(1, match)
        count.bind(2, SearchResults.maximumCountedTotal + 1)
        filter.bind(to: count)
        _ = try count.step()
        return count.int(0)
    }

    /// The matching notices counted by section, type and institution, over every match. Without filters a match
    /// costs one lookup (its chunk's notice), not three.
    private func facets(match: String, filter: Filter) throws(StoreError) -> SearchFacets {
        let joins =
            filter.conditions.isEmpty
            ? "JOIN chunks c ON c.id = chunk_index.rowid"
            : """
            JOIN chunks c ON c.id = chunk_index.rowid JOIN documents d ON d.id = c.document_id \
            JOIN editions e ON e.id = d.edition_id
            """
        let statement = try connection.prepare(
            FacetSQL.facets(
                matches: """
                    SELECT DISTINCT c.document_id AS id FROM chunk_index \(joins)
                    WHERE chunk_index MATCH ?1 \(filter.conditions)
                    """))
        statement.bind(1, match)
        filter.bind(to: statement)
        var rows: [(field: String, value: String, count: Int)] = []
        while try statement.step() {
            rows.append((statement.string(0) ?? "", statement.string(1) ?? "", statement.int(2)))
        }
        return SearchFacets(rows: rows)
    }

    private func hit(chunkID: Int64, score: Double, snippets: SnippetBuilder?) throws(StoreError) -> SearchHit? {
        let statement = try connection.prepare(
            """
            SELECT c.document_id, d.title, d.section, d.type, e.date, e.number, p.page_index, p.printed_number, c.text,
                   e.publication, CASE WHEN e.kind = 'alcance' THEN e.alcance_number END
            FROM chunks c
            JOIN pages p ON p.id = c.page_id
            JOIN documents d ON d.id = c.document_id
            JOIN editions e ON e.id = d.edition_id
            WHERE c.id = ?1
            """)
        statement.bind(1, chunkID)
        guard try statement.step() else { return nil }
        let text = statement.string(8) ?? ""
        return SearchHit(
            documentID: statement.int64(0), documentTitle: statement.string(1) ?? "", section: statement.string(2),
            type: statement.string(3), editionDate: statement.string(4) ?? "", editionNumber: statement.string(5),
            page: statement.int(6), printedPage: statement.string(7), chunkID: chunkID,
            snippet: snippets?.html(text) ?? "", text: text, score: score, publication: statement.string(9),
            alcanceNumber: statement.string(10))
    }

    /// The SQL for the request's filters; joins only when a filter needs them.
    private struct Filter {
        let joins: String
        let conditions: String
        let values: [String]

        init(_ request: SearchRequest) {
            var conditions: [String] = []
            var values: [String] = []
            func add(_ sql: String, _ value: String?) {
                guard let value, !value.isEmpty else { return }
                values.append(value)
                conditions.append(sql.replacingParameter(values.count + 3))
            }
            add("e.date >= ?#", request.from)
            add("e.date <= ?#", request.to)
            add("(d.section = ?# COLLATE NOCASE OR d.type = ?# COLLATE NOCASE)", request.section)
            add("e.number = ?#", request.edition)
            add("gaceta_lower(d.type) = gaceta_lower(?#)", request.type)
            add("gaceta_lower(d.institution) = gaceta_lower(?#)", request.institution)
            self.values = values
            self.conditions = conditions.map { " AND " + $0 }.joined()
            joins =
                conditions.isEmpty && request.sort != .date
                ? ""
                : """
                JOIN chunks c ON c.id = chunk_index.rowid JOIN documents d ON d.id = c.document_id \
                JOIN editions e ON e.id = d.edition_id
                """
        }

        func bind(to statement: SQLiteStatement) {
            for (offset, value) in values.enumerated() { statement.bind(Int32(offset + 4), value) }
        }
    }
}

extension String {
    func replacingParameter(_ number: Int) -> String {
        var result = ""
        var iterator = makeIterator()
        while let character = iterator.next() {
            if character == "#" { result += String(number) } else { result.append(character) }
        }
        return result
    }
}
