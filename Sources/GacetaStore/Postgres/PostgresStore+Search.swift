import GacetaCore
import Glibc

extension PostgresStore {
    /// Ranks at most this many matches, the newest (highest chunk ids), like `SQLiteStore.rankingWindow`; the
    /// total stays exact and deep pages widen the window to reach them.
    static let rankingWindow = 2000

    /// Title matches weigh this much more than body matches, as in `SQLiteStore.titleWeight`.
    static let titleWeight = 4.0

    /// Counts every match, ranks the window by BM25 exactly as FTS5's `bm25()` computes it (ids and scores
    /// only), then reads and snippets the page of hits. Ties go to the lower chunk id, as on SQLite.
    public func search(_ request: SearchRequest) throws(StoreError) -> SearchResults {
        let page = max(1, request.page)
        let perPage = min(max(1, request.perPage), SearchRequest.maximumPerPage)
        guard let query = textSearch.query(request.expression) else {
            return SearchResults(total: 0, page: page, perPage: perPage, hits: [])
        }
        let phrases = textSearch.phrases(request.expression)

        var countParameters = PostgresParameters()
        let countMatch = Self.matches(query, request, &countParameters)
        let count = try connection.query("SELECT count(*) \(countMatch)", countParameters.values)
        let total = count.int(0, 0)
        guard total > 0 else { return SearchResults(total: 0, page: page, perPage: perPage, hits: []) }

        let offset = (page - 1) * perPage
        let window = max(Self.rankingWindow, offset + perPage)
        var parameters = PostgresParameters()
        let match = Self.matches(query, request, &parameters)
        var floor = ""
        if total > window {
            floor = "AND c.id IN (SELECT c.id \(match) ORDER BY c.id DESC LIMIT \(parameters.add(String(window))))"
        }
        let score = try bm25(phrases, &parameters)
        let ranked = try connection.query(
            """
            SELECT c.id, \(score) AS score
            \(match) \(floor)
            ORDER BY score, c.id LIMIT \(parameters.add(String(perPage))) OFFSET \(parameters.add(String(offset)))
            """, parameters.values)
        let hits = try hits(
            ids: (0..<ranked.rowCount).map { (ranked.int64($0, 0), ranked.double($0, 1)) }, phrases: phrases)
        return SearchResults(total: total, page: page, perPage: perPage, hits: hits)
    }

    /// The SQL expression of FTS5's BM25 for chunk `c` (k1 = 1.2, b = 0.75, negative: lower is better), with
    /// the table's totals and each phrase's IDF computed first, as FTS5 does. Constants are float8 and the
    /// operations come in FTS5's order, so equal inputs give the very same doubles and ties as on SQLite.
    private func bm25(_ phrases: [SnippetBuilder.Phrase], _ parameters: inout PostgresParameters) throws(StoreError)
        -> String
    {
        let totals = try connection.query("SELECT chunks, tokens FROM chunk_totals")
        let rows = max(1.0, totals.double(0, 0))
        let averageLength = max(1.0, totals.double(0, 1)) / rows
        var countParameters = PostgresParameters()
        let counts = try connection.query(
            "SELECT "
                + phrases.map {
                    "(SELECT count(*) FROM chunks WHERE terms @@ \(countParameters.add($0.tsquery))::tsquery)"
                }
                .joined(separator: ", "),
            countParameters.values)
        let average = parameters.add(String(averageLength))
        var terms: [String] = []
        for (index, phrase) in phrases.enumerated() {
            let hits = counts.double(0, index)
            var idf = log((rows - hits + 0.5) / (hits + 0.5))
            if idf <= 0 { idf = 1e-6 }
            let frequency =
                "gaceta_phrase_hits(c.terms, \(parameters.add(phrase.arrayLiteral))::text[], "
                + "\(phrase.lastIsPrefix), '\(Self.titleWeight)'::float8)"
            terms.append(
                "\(parameters.add(String(idf)))::float8 * ((\(frequency) * ('1.2'::float8 + '1.0'::float8)) / "
                    + "(\(frequency) + '1.2'::float8 * ('1'::float8 - '0.75'::float8 + '0.75'::float8 * c.token_count "
                    + "/ \(average)::float8)))")
        }
        return "'-1.0'::float8 * ('0'::float8 + " + terms.joined(separator: " + ") + ")"
    }

    /// `FROM … WHERE …` for the matches of `query` that pass the request's filters.
    private static func matches(
        _ query: String, _ request: SearchRequest, _ parameters: inout PostgresParameters
    ) -> String {
        var sql = "FROM chunks c"
        var conditions = ["c.terms @@ \(parameters.add(query))::tsquery"]
        func add(_ value: String?, _ condition: (String) -> String) {
            guard let value, !value.isEmpty else { return }
            conditions.append(condition(parameters.add(value)))
        }
        add(request.from) { "e.date >= \($0)" }
        add(request.to) { "e.date <= \($0)" }
        add(request.section) { "(lower(d.section) = lower(\($0)) OR lower(d.type) = lower(\($0)))" }
        add(request.edition) { "e.number = \($0)" }
        if conditions.count > 1 {
            sql += " JOIN documents d ON d.id = c.document_id JOIN editions e ON e.id = d.edition_id"
        }
        return sql + " WHERE " + conditions.joined(separator: " AND ")
    }

    /// The hits for ranked chunk ids, in rank order, with their snippets.
    private func hits(ids: [(id: Int64, score: Double)], phrases: [SnippetBuilder.Phrase]) throws(StoreError)
        -> [SearchHit]
    {
        guard !ids.isEmpty else { return [] }
        let result = try connection.query(
            """
            SELECT c.id, c.document_id, d.title, d.section, d.type, e.date, e.number, p.page_index,
                   p.printed_number, c.text
            FROM chunks c
            JOIN pages p ON p.id = c.page_id
            JOIN documents d ON d.id = c.document_id
            JOIN editions e ON e.id = d.edition_id
            WHERE c.id = ANY($1::bigint[])
            """, ["{" + ids.map { String($0.id) }.joined(separator: ",") + "}"])
        let builder = SnippetBuilder(phrases: phrases)
        var rows: [Int64: Int] = [:]
        for row in 0..<result.rowCount { rows[result.int64(row, 0)] = row }
        return ids.compactMap { id, score in
            guard let row = rows[id] else { return nil }
            let text = result.string(row, 9) ?? ""
            let marked = builder.snippet(text, tokens: textSearch.tokens(text))
            return SearchHit(
                documentID: result.int64(row, 1), documentTitle: result.string(row, 2) ?? "",
                section: result.string(row, 3), type: result.string(row, 4), editionDate: result.string(row, 5) ?? "",
                editionNumber: result.string(row, 6), page: result.int(row, 7), printedPage: result.string(row, 8),
                chunkID: id, snippet: SnippetHTML.render(marked), text: text, score: score)
        }
    }
}

/// Numbered parameters for one statement: `add` returns the placeholder (`$3`) for a value.
struct PostgresParameters {
    private(set) var values: [String?] = []

    mutating func add(_ value: String?) -> String {
        values.append(value)
        return "$\(values.count)"
    }
}
