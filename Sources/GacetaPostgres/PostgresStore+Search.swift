import GacetaCore
import GacetaSearch
import GacetaStoreSQL

extension PostgresStore {
    /// Title matches weigh this much more than body matches, as in `SQLiteStore.titleWeight`.
    static let titleWeight = 4.0

    /// Counts and ranks every match (never a window of the newest) by BM25 exactly as FTS5's `bm25()` computes it (see
    /// `PostgresRanking`), then reads and snippets the page of hits. Ties go to the lower chunk id, as on SQLite.
    ///
    /// Past `searchTimeout` (each statement's `statement_timeout`, set for this search's transaction only) it stops
    /// with `.timedOut`.
    public func search(_ request: SearchRequest) throws(StoreError) -> SearchResults {
        guard let limit = searchTimeout, limit > .zero else { return try unboundedSearch(request) }
        let parts = limit.components
        let milliseconds = max(1, parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000)
        return try connection.transaction { () throws(StoreError) -> SearchResults in
            try connection.execute("SET LOCAL statement_timeout = \(milliseconds)")
            return try unboundedSearch(request)
        }
    }

    private func unboundedSearch(_ request: SearchRequest) throws(StoreError) -> SearchResults {
        let page = max(1, request.page)
        let perPage = min(max(1, request.perPage), SearchRequest.maximumPerPage)
        guard let query = textSearch.query(request.expression) else {
            return SearchResults(total: 0, page: page, perPage: perPage, hits: [])
        }
        let phrases = textSearch.phrases(request.expression)
        let offset = (page - 1) * perPage
        let matches = try rankedMatches(query, phrases, request)
        let candidates = request.includesSumario ? matches : matches.filter { !$0.sumario }
        // An edition's sumario after every notice, as on SQLite; by date: newest edition first.
        let ranked: [(id: Int64, score: Double)]
        if request.sort == .date {
            ranked = candidates.sorted {
                $0.date != $1.date
                    ? $0.date > $1.date : ($0.sumario ? 1 : 0, $0.score, $0.id) < ($1.sumario ? 1 : 0, $1.score, $1.id)
            }.map { (id: $0.id, score: $0.score) }
        } else {
            ranked = candidates.sorted {
                ($0.sumario ? 1 : 0, $0.score, $0.id) < ($1.sumario ? 1 : 0, $1.score, $1.id)
            }.map { (id: $0.id, score: $0.score) }
        }
        let hits = try hits(
            ids: Array(ranked.dropFirst(offset).prefix(perPage)), phrases: phrases, snippets: request.snippets)
        var results = SearchResults(
            total: request.countsTotal ? candidates.count : hits.count, page: page, perPage: perPage, hits: hits)
        if request.facets { results.facets = try facets(query, request) }
        return results
    }

    /// The matching notices counted by section, type and institution, over every match (documents and editions
    /// joined only when a filter needs them, as on SQLite).
    private func facets(_ query: String, _ request: SearchRequest) throws(StoreError) -> SearchFacets {
        var parameters = PostgresParameters()
        let match = Self.matches(query, request, &parameters)
        let result = try connection.query(
            FacetSQL.facets(matches: "SELECT DISTINCT c.document_id AS id \(match)"), parameters.values)
        return SearchFacets(
            rows: (0..<result.rowCount).map { row in
                (result.string(row, 0) ?? "", result.string(row, 1) ?? "", result.int(row, 2))
            })
    }

    /// Every match with its BM25 score (their number is the search's total), in one statement.
    ///
    /// Per chunk, PostgreSQL returns only the positions of the query's lexemes (`setweight` marks them 'C',
    /// `ts_filter` keeps them) and the title's among them, not the whole `tsvector`; a prefix's lexemes are
    /// those of the chunk that start with it. Along come, computed once, the table's chunks and tokens, their
    /// fingerprint, and each phrase's chunks in the whole table (BM25's IDF) that `phraseCounts` does not hold
    /// (a lone phrase without filters or exclusions is the total itself). The matches are collected from the
    /// GIN index.
    private func rankedMatches(
        _ query: String, _ phrases: [SnippetBuilder.Phrase], _ request: SearchRequest
    ) throws(StoreError) -> [Candidate] {
        var parameters = PostgresParameters()
        let match = Self.matchClauses(query, request, &parameters, joined: request.sort == .date)
        let totalIsPhraseCount =
            phrases.count == 1 && request.expression.excluded.isEmpty && parameters.values.count == 1
        var columns = [
            "(SELECT coalesce(sum(chunks), 0) FROM chunk_totals)",
            "(SELECT coalesce(sum(tokens), 0) FROM chunk_totals)",
            "(SELECT \(PhraseCountCache.fingerprintSQL) FROM chunk_totals)",
        ]
        let uncounted =
            totalIsPhraseCount ? [] : Self.distinct(phrases) { phraseCounts.count(of: $0.tsquery) == nil }
        columns += uncounted.map { Self.chunkCount($0, &parameters) }
        let lexemes = Self.lexemes(phrases, &parameters)
        // One scan of the matches (every one is a row: their number is the total). Selecting their ids first and
        // joining the chunks again let the planner, when it expected many matches, hash-join a scan of every chunk.
        let result = try connection.query(
            """
            SELECT c.id, c.token_count, ts_filter(setweight(c.terms, 'C', l.lexemes), '{c}')::text,
                   CASE WHEN c.ordinal = 1
                        THEN ts_filter(setweight(ts_filter(c.terms, '{a}'), 'C', l.lexemes), '{c}')::text END,
                   \(columns.joined(separator: ", ")), c.sumario, \(request.sort == .date ? "e.date" : "''")
            \(match.from) CROSS JOIN LATERAL (SELECT \(lexemes) AS lexemes) AS l WHERE \(match.conditions)
            """, parameters.values)
        guard result.rowCount > 0 else { return [] }
        var counts = Dictionary(
            uncounted.enumerated().map { ($1.tsquery, result.double(0, 7 + $0)) },
            uniquingKeysWith: { first, _ in first })
        if totalIsPhraseCount, let phrase = phrases.first { counts[phrase.tsquery] = Double(result.rowCount) }
        try countPhrases(
            phrases, fingerprint: result.string(0, 6) ?? "", into: &counts, cachingFrom: uncounted.map(\.tsquery))
        let ranking = PostgresRanking(
            phrases: phrases, titleWeight: Self.titleWeight, rows: result.double(0, 4), tokens: result.double(0, 5),
            matches: phrases.map { counts[$0.tsquery] ?? 0 })
        var ranked: [Candidate] = []
        ranked.reserveCapacity(result.rowCount)
        let sumarioColumn = 7 + uncounted.count
        for row in 0..<result.rowCount {
            let positions = LexemePositions(all: result.string(row, 2) ?? "", title: result.string(row, 3))
            ranked.append(
                Candidate(
                    id: result.int64(row, 0), score: ranking.score(positions, tokenCount: result.int(row, 1)),
                    sumario: result.string(row, sumarioColumn) == "1", date: result.string(row, sumarioColumn + 1) ?? ""
                ))
        }
        return ranked
    }

    /// Completes `counts` with the cached counts, valid while the table's fingerprint is the one they were
    /// counted under; when it moved (an ingest since), the cache is dropped and the missing phrases are counted
    /// now. The phrases counted in the search's own statement (`fresh`) are cached under its fingerprint.
    private func countPhrases(
        _ phrases: [SnippetBuilder.Phrase], fingerprint: String, into counts: inout [String: Double],
        cachingFrom fresh: [String]
    ) throws(StoreError) {
        phraseCounts.validate(fingerprint: fingerprint)
        for phrase in fresh { phraseCounts.store(counts[phrase] ?? 0, for: phrase) }
        let missing = Self.distinct(phrases) { counts[$0.tsquery] == nil && phraseCounts.count(of: $0.tsquery) == nil }
        if !missing.isEmpty {
            var parameters = PostgresParameters()
            let columns = missing.map { Self.chunkCount($0, &parameters) }
            // Not cached: counted under a newer snapshot than `fingerprint`.
            let result = try connection.query("SELECT " + columns.joined(separator: ", "), parameters.values)
            for (index, phrase) in missing.enumerated() { counts[phrase.tsquery] = result.double(0, index) }
        }
        for phrase in phrases.map(\.tsquery) where counts[phrase] == nil {
            counts[phrase] = phraseCounts.count(of: phrase)
        }
    }

    /// Each phrase once (a query may repeat one: "ley decreto OR ley"), of those `include` accepts, in order.
    private static func distinct(
        _ phrases: [SnippetBuilder.Phrase], where include: (SnippetBuilder.Phrase) -> Bool
    ) -> [SnippetBuilder.Phrase] {
        var seen = Set<String>()
        return phrases.filter { include($0) && seen.insert($0.tsquery).inserted }
    }

    /// The SQL of the chunks in the whole table that hold `phrase`: a single word's is its row of `lexemes` (kept
    /// by ingest and deletion), a phrase's or a prefix's a count of the GIN index's matches.
    static func chunkCount(_ phrase: SnippetBuilder.Phrase, _ parameters: inout PostgresParameters) -> String {
        if phrase.terms.count == 1, !phrase.lastIsPrefix, let term = phrase.terms.first {
            return "coalesce((SELECT chunks FROM lexemes WHERE lexeme = \(parameters.add(term))), 0)"
        }
        return "(SELECT count(*) FROM chunks WHERE terms @@ \(parameters.add(phrase.tsquery))::tsquery)"
    }

    /// The `text[]` SQL of the lexemes the phrases may match in chunk `c`: their terms, and for a prefix the
    /// lexemes that start with it, from the `lexemes` table (once per statement) unless they are too many for
    /// `setweight` to look each up in every chunk: then from each chunk's own lexemes.
    private static func lexemes(_ phrases: [SnippetBuilder.Phrase], _ parameters: inout PostgresParameters) -> String {
        var exact: [String] = []
        var prefixes: [String] = []
        for phrase in phrases {
            for (index, term) in phrase.terms.enumerated() {
                if phrase.lastIsPrefix && index == phrase.terms.count - 1 {
                    prefixes.append(term)
                } else {
                    exact.append(term)
                }
            }
        }
        var sql = "\(parameters.add(PostgresTextSearch.arrayLiteral(exact)))::text[]"
        guard !prefixes.isEmpty else { return sql }
        let inTable = prefixes.map { "lexeme LIKE \(parameters.add(PostgresTextSearch.likePrefix($0)))" }
            .joined(separator: " OR ")
        let inChunk = prefixes.map { "starts_with(x, \(parameters.add($0)))" }.joined(separator: " OR ")
        let limit = Self.prefixLexemesLimit
        sql += """
             || CASE WHEN (SELECT count(*) FROM (SELECT 1 FROM lexemes WHERE \(inTable) LIMIT \(limit + 1)) AS n) <= \(limit)
                    THEN ARRAY(SELECT lexeme FROM lexemes WHERE \(inTable))
                    ELSE ARRAY(SELECT x FROM unnest(tsvector_to_array(c.terms)) AS x WHERE \(inChunk)) END
            """
        return sql
    }

    /// Above this many lexemes for its prefixes, a search looks for them in each chunk instead.
    static let prefixLexemesLimit = 256

    /// A match with what ranks it.
    struct Candidate {
        var id: Int64
        var score: Double
        var sumario: Bool
        /// The edition's date when sorting by date, else empty.
        var date: String
    }

    /// `FROM … WHERE …` for the matches of `query` that pass the request's filters.
    private static func matches(
        _ query: String, _ request: SearchRequest, _ parameters: inout PostgresParameters
    ) -> String {
        let clauses = matchClauses(query, request, &parameters, joined: false)
        return clauses.from + " WHERE " + clauses.conditions
    }

    /// `matches` in two parts, for a statement that joins more between them (`joined`: with the document `d` and
    /// edition `e` even without a filter).
    private static func matchClauses(
        _ query: String, _ request: SearchRequest, _ parameters: inout PostgresParameters, joined: Bool
    ) -> (from: String, conditions: String) {
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
        add(request.type) { "lower(d.type) = lower(\($0))" }
        add(request.institution) { "lower(d.institution) = lower(\($0))" }
        if conditions.count > 1 || joined {
            sql += " JOIN documents d ON d.id = c.document_id JOIN editions e ON e.id = d.edition_id"
        }
        return (sql, conditions.joined(separator: " AND "))
    }

    /// The hits for ranked chunk ids, in rank order, with their snippets (unless `snippets` is false).
    private func hits(
        ids: [(id: Int64, score: Double)], phrases: [SnippetBuilder.Phrase], snippets wanted: Bool
    ) throws(StoreError) -> [SearchHit] {
        guard !ids.isEmpty else { return [] }
        let result = try connection.preparedQuery(
            """
            SELECT c.id, c.document_id, d.title, d.section, d.type, e.date, e.number, p.page_index,
                   p.printed_number, c.text, e.publication, CASE WHEN e.kind = 'alcance' THEN e.alcance_number END
            FROM chunks c
            JOIN pages p ON p.id = c.page_id
            JOIN documents d ON d.id = c.document_id
            JOIN editions e ON e.id = d.edition_id
            WHERE c.id = ANY($1::bigint[])
            """, ["{" + ids.map { String($0.id) }.joined(separator: ",") + "}"])
        let snippets = wanted ? SnippetBuilder(phrases: phrases, terms: textSearch.terms) : nil
        var rows: [Int64: Int] = [:]
        for row in 0..<result.rowCount { rows[result.int64(row, 0)] = row }
        return ids.compactMap { id, score in
            guard let row = rows[id] else { return nil }
            let text = result.string(row, 9) ?? ""
            return SearchHit(
                documentID: result.int64(row, 1), documentTitle: result.string(row, 2) ?? "",
                section: result.string(row, 3), type: result.string(row, 4), editionDate: result.string(row, 5) ?? "",
                editionNumber: result.string(row, 6), page: result.int(row, 7), printedPage: result.string(row, 8),
                chunkID: id, snippet: snippets?.html(text) ?? "", text: text, score: score,
                publication: result.string(row, 10), alcanceNumber: result.string(row, 11))
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
