import GacetaCore
import GacetaQuery

/// Question (+ earlier turns) → search → the passages to answer from.
///
/// The question's content words (no stopwords, no question words such as "qué", "cuándo" or "decidió") are
/// searched as ONE OR-group, so the index ranks first the passages that match more of them (BM25) instead of
/// requiring all. A follow-up ("¿y cuándo entra en vigencia?") adds the content words of the question it
/// follows. Chat never sees the store: `search` is usually `{ try store.search($0) }`.
public struct Retriever {
    private let search: (SearchRequest) throws -> SearchResults

    /// Creates a retriever over a search function (the store's, or a test's).
    public init(search: @escaping (SearchRequest) throws -> SearchResults) {
        self.search = search
    }

    /// Up to `limit` passages for the question, best first (providers number them 1… in this order); empty when
    /// the question has no content words. Errors of `search` are rethrown.
    public func passages(for question: String, history: [ConversationTurn], limit: Int = 8) throws -> [SearchHit] {
        let limit = min(max(limit, 0), SearchRequest.maximumPerPage)
        let terms = searchTerms(for: question, history: history)
        guard !terms.isEmpty, limit > 0 else { return [] }
        let group = terms.map { term in
            term.allSatisfy(\.isNumber) ? QueryAtom.number(term) : QueryAtom.word(term)
        }
        let request = SearchRequest(expression: SearchExpression(required: [group]), perPage: limit)
        return Array(try search(request).hits.prefix(limit))
    }

    /// The words searched for `question`: its content words (lower-cased as typed, accents kept), then, for a
    /// follow-up, the previous question's.
    public func searchTerms(for question: String, history: [ConversationTurn]) -> [String] {
        QuestionTerms(question: question, history: history[...], analyzer: TermAnalyzer()).all.map(\.text)
    }
}
