import GacetaCore
import GacetaQuery
import GacetaSearch
import GacetaText

/// Question (+ earlier turns) → search → rerank → the passages to answer from.
///
/// The question's content words (no stopwords, no question words such as "qué", "cuándo" or "decidió") are
/// searched as ONE OR-group: the index ranks every chunk holding any of them by BM25 (never only the newest),
/// and the best `candidateCount` are reranked by `Reranker` (IDF-weighted coverage, proximity, bigrams and
/// identifiers, titles, neighbouring chunks; recency when the question asks for it). A follow-up ("¿y cuándo
/// entra en vigencia?") adds the content words of the question it follows. Chat never sees the store: `search`
/// is usually `{ try store.search($0) }`.
public struct Retriever {
    /// Candidates reranked per question (the issue asks for at least 100; the search's page limit).
    public static let candidateCount = SearchRequest.maximumPerPage

    private let search: (SearchRequest) throws -> SearchResults

    /// Creates a retriever over a search function (the store's, or a test's).
    public init(search: @escaping (SearchRequest) throws -> SearchResults) {
        self.search = search
    }

    /// Passages retrieved for a question, best first, each with its IDF-weighted coverage of the question.
    public struct Retrieval: Sendable {
        public var passages: [SearchHit]
        /// `coverage[i]` of `passages[i]`, 0…1.
        public var coverage: [Double]
        /// Every candidate considered, in reranked order (the passages are its first ones).
        public var considered: [SearchHit]
        /// The weight of each question stem (IDF over the candidates).
        public var weights: [String: Double]

        public static let empty = Retrieval(passages: [], coverage: [], considered: [], weights: [:])
    }

    /// Up to `limit` passages for the question, best first (providers number them 1… in this order); empty when
    /// the question has no content words. Errors of `search` are rethrown.
    public func passages(for question: String, history: [ConversationTurn], limit: Int = 8) throws -> [SearchHit] {
        try retrieve(question, history: history, limit: limit).passages
    }

    /// The reranked candidates of a question and the first `limit` of them.
    public func retrieve(_ question: String, history: [ConversationTurn], limit: Int = 8) throws -> Retrieval {
        let limit = min(max(limit, 0), SearchRequest.maximumPerPage)
        let terms = QuestionTerms(question: question, history: history[...], analyzer: TermAnalyzer())
        let words = terms.all.map(\.text)
        guard !words.isEmpty, limit > 0 else { return .empty }
        let group = words.map { term in
            term.allSatisfy(\.isNumber) ? QueryAtom.number(term) : QueryAtom.word(term)
        }
        let request = SearchRequest(expression: SearchExpression(required: [group]), perPage: Self.candidateCount)
        // An edition's sumario (its cover and contents) is searchable but never quoted.
        let hits = try search(request).hits.filter { !$0.isSumario }
        let candidates = hits.map {
            Reranker.Candidate(
                text: $0.text, title: $0.documentTitle, date: $0.editionDate, documentID: $0.documentID,
                chunkID: $0.chunkID, score: $0.score)
        }
        let ranking = Reranker().rank(
            words: terms.current.map(\.text) + terms.context.map(\.text), recencyAsked: Self.asksForRecent(question),
            candidates: candidates)
        let considered = ranking.ranked.map { hits[$0.index] }
        return Retrieval(
            passages: Array(considered.prefix(limit)), coverage: ranking.ranked.prefix(limit).map(\.coverage),
            considered: considered, weights: ranking.weights)
    }

    /// The words searched for `question`: its content words (lower-cased as typed, accents kept), then, for a
    /// follow-up, the previous question's.
    public func searchTerms(for question: String, history: [ConversationTurn]) -> [String] {
        QuestionTerms(question: question, history: history[...], analyzer: TermAnalyzer()).all.map(\.text)
    }

    /// Whether the question asks for the latest ("último", "reciente", "nuevo", "vigente") or names a year.
    static func asksForRecent(_ question: String) -> Bool {
        let words = SpanishTokenizer().terms(question, stem: false)
        return words.contains { word in
            recentWords.contains(word)
                || (word.count == 4 && word.allSatisfy(\.isNumber) && (word.hasPrefix("19") || word.hasPrefix("20")))
        }
    }

    private static let recentWords: Set<String> = [
        "ultimo", "ultima", "ultimos", "ultimas", "reciente", "recientes", "recientemente", "nuevo", "nueva",
        "actual", "vigente", "hoy", "ayer",
    ]
}
