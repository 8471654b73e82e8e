import GacetaCore
import GacetaQuery
import GacetaText

/// Buscar forgives questions (issue 13 §5): when all the words together find nothing, the search answers with
/// passages holding some of them, ranked by how many different words they hold, then by BM25, and says so
/// (`relaxed`). Only a search of two or more required words or groups relaxes; saved searches, feeds and alerts
/// pass `allowed: false` and never do.
public struct RelaxedSearch {
    /// The results and whether they are the relaxed ones.
    public struct Outcome: Sendable {
        public var results: SearchResults
        public var relaxed: Bool
    }

    /// Reranked by words matched: the first this many BM25 hits of the relaxed search.
    static let window = SearchRequest.maximumPerPage

    private let index: any SearchIndex

    public init(index: any SearchIndex) {
        self.index = index
    }

    /// `request` as asked; when it finds nothing and `allowed`, the same words OR-ed.
    public func search(_ request: SearchRequest, allowed: Bool = true) throws -> Outcome {
        let results = try index.search(request)
        guard allowed, results.total == 0, request.expression.required.count >= 2 else {
            return Outcome(results: results, relaxed: false)
        }
        var relaxed = request
        relaxed.expression = SearchExpression(
            required: [request.expression.required.flatMap { $0 }], excluded: request.expression.excluded,
            droppedStopwords: request.expression.droppedStopwords)
        let offset = (request.page - 1) * request.perPage
        guard offset + request.perPage <= Self.window else {
            return Outcome(results: try index.search(relaxed), relaxed: true)
        }
        relaxed.page = 1
        relaxed.perPage = Self.window
        let wide = try index.search(relaxed)
        let groups = request.expression.required.map { group in group.map(Self.stems) }
        let tokenizer = SpanishTokenizer()
        let ranked = wide.hits.enumerated().map { position, hit -> (hit: SearchHit, words: Int, position: Int) in
            let stems = Set(tokenizer.terms(hit.documentTitle + " " + hit.text, stem: true))
            let words = groups.filter { group in group.contains { !$0.isEmpty && $0.isSubset(of: stems) } }.count
            return (hit, words, position)
        }.sorted { $0.words != $1.words ? $0.words > $1.words : $0.position < $1.position }
        let page = Array(ranked.dropFirst(offset).prefix(request.perPage).map(\.hit))
        var reranked = SearchResults(total: wide.total, page: request.page, perPage: request.perPage, hits: page)
        reranked.facets = wide.facets
        return Outcome(results: reranked, relaxed: true)
    }

    /// The stems an atom needs in a passage (a prefix: none, it counts as matched by the search itself).
    private static func stems(_ atom: QueryAtom) -> Set<String> {
        let tokenizer = SpanishTokenizer()
        switch atom {
        case .word(let text), .number(let text): return Set(tokenizer.terms(text, stem: true))
        case .phrase(let words): return Set(tokenizer.terms(words.joined(separator: " "), stem: true))
        case .prefix: return []
        }
    }
}
