import GacetaCore
import GacetaQuery
import GacetaSearch
import GacetaText

/// Question (+ earlier turns) → candidates → rerank → the passages to answer from (issue 13 §2).
///
/// Candidates are every chunk holding at least one of the question's content words (no stopwords, no question
/// words such as "qué", "cuándo" or "decidió") whose document frequency is at most `rareShare` of the index's
/// chunks (else at most `wideShare`), or, when none is that rare, its `fallbackRareWords` rarest; the index ranks
/// all of them by BM25 over those words (never only the newest: no window by date, insertion order or row count;
/// no sumario, no count), and the best `candidateCount` are reranked by `Reranker` with IDF over the whole index
/// (coverage, proximity, bigrams and identifiers, titles, neighbouring chunks; recency when the question asks for
/// it). A follow-up ("¿y cuándo entra en vigencia?") adds the content words of the question it follows. Without
/// `statistics` every content word is a candidate word and IDF is counted over the candidates. Chat never sees the
/// store: `search` is usually `{ try store.search($0) }`, `statistics` `{ try store.termStatistics(stems: $0) }`.
public struct Retriever {
    /// Candidates reranked per question (the issue asks for at least 100; the search's page limit).
    public static let candidateCount = SearchRequest.maximumPerPage
    /// A word held by at most this share of the chunks is rare enough to draw candidates. The issue proposed 5 %;
    /// on the `tune` half 1 % put the right page first for two questions more (21/51 against 19; 0.75–1.5 % alike)
    /// at 0.59× the time (a word in 1–5 % of the chunks brought thousands of matches to score, and candidates the
    /// reranker then preferred over the page holding the rare words). The words it no longer searches still weigh
    /// in the reranker. `bench/answers/README.md` has the figures.
    public static let rareShare = 0.01
    /// When no word is held by at most `rareShare` of the chunks, those held by at most this share draw the
    /// candidates (the rule was this share alone before `rareShare`: «¿Qué es el régimen del servicio civil…?» then
    /// searches «régimen» alone, not its three rarest words, one of them in 15 % of the chunks).
    public static let wideShare = 0.05
    /// Words that draw candidates when none is rare enough.
    public static let fallbackRareWords = 3

    private let search: (SearchRequest) throws -> SearchResults
    private let statistics: (([String]) throws -> IndexStatistics)?
    /// This retriever's `rareShare` (for tuning it: `ask --rare-share`).
    public var rareShare = Self.rareShare

    /// Creates a retriever over a search function and the index's term statistics (the store's, or a test's).
    public init(
        search: @escaping (SearchRequest) throws -> SearchResults,
        statistics: (([String]) throws -> IndexStatistics)? = nil
    ) {
        self.search = search
        self.statistics = statistics
    }

    /// Passages retrieved for a question, best first, each with its IDF-weighted coverage of the question.
    public struct Retrieval: Sendable {
        public var passages: [SearchHit]
        /// `coverage[i]` of `passages[i]`, 0…1.
        public var coverage: [Double]
        /// The pages considered, in reranked order, each as its best-ranked chunk (the passages are its first ones).
        public var considered: [SearchHit]
        /// Every chunk reranked, best first (several may share a page): what furniture is learnt from.
        public var chunks: [SearchHit] = []
        /// The weight of each question stem (IDF over the whole index, or over the candidates without statistics).
        public var weights: [String: Double]
        /// The words whose matches were the candidates (lower-cased as typed).
        public var candidateWords: [String] = []
        /// The question's stems no candidate holds: a sentence lacking one of them is no worse than another.
        public var unheld: Set<String> = []

        public init(
            passages: [SearchHit], coverage: [Double], considered: [SearchHit], weights: [String: Double],
            candidateWords: [String] = [], chunks: [SearchHit]? = nil, unheld: Set<String> = []
        ) {
            self.unheld = unheld
            self.passages = passages
            self.coverage = coverage
            self.considered = considered
            self.chunks = chunks ?? considered
            self.weights = weights
            self.candidateWords = candidateWords
        }

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
        let indexTerms = IndexTerms()
        let stems = words.map { indexTerms.tokens($0).map(\.stem) }
        let index = try statistics?(Array(Set(stems.joined())).sorted())
        let chosen = index.map { candidateWords(stems, statistics: $0) } ?? Array(words.indices)
        guard !chosen.isEmpty else { return .empty }
        func atom(_ term: String) -> QueryAtom {
            term.allSatisfy(\.isNumber) ? QueryAtom.number(term) : QueryAtom.word(term)
        }
        let rare = chosen.map { atom(words[$0]) }
        // BM25 over the rare words only: AND-ing a group of every word (so that BM25 weighed the common ones too) made
        // the index walk the common words' long lists, a fifth of an answer's time, for one page fewer among the
        // `tune` half's first 100 (the reranker weighs every word).
        var request = SearchRequest(expression: SearchExpression(required: [rare]), perPage: Self.candidateCount)
        request.snippets = false
        request.countsTotal = false
        // An edition's sumario (its cover and contents) is searchable but never quoted.
        request.includesSumario = false
        let hits = try search(request).hits
        let candidates = hits.map {
            Reranker.Candidate(
                text: $0.text, title: $0.documentTitle, date: $0.editionDate, documentID: $0.documentID,
                chunkID: $0.chunkID, score: $0.score)
        }
        let ranking = Reranker().rank(
            words: words, names: Set(terms.all.filter(\.isName).map(\.text)),
            recencyAsked: Self.asksForRecent(question), candidates: candidates,
            statistics: index.map { ($0.chunks, $0.documentFrequency) }, equivalents: terms.equivalents(TermAnalyzer()))
        // One passage per page: a page's other chunks would take the places of other pages (the answer quotes
        // pages, and a long norm is one page of many chunks).
        let pages = Self.firstPerPage(ranking.ranked.map { hits[$0.index] })
        let considered = pages.map { hits[ranking.ranked[$0].index] }
        return Retrieval(
            passages: Array(considered.prefix(limit)),
            coverage: pages.prefix(limit).map { ranking.ranked[$0].coverage }, considered: considered,
            weights: ranking.weights, candidateWords: chosen.map { words[$0] },
            chunks: ranking.ranked.map { hits[$0.index] }, unheld: ranking.unheld)
    }

    /// The positions in `hits` of each page's first hit (a page: document and PDF page).
    static func firstPerPage(_ hits: [SearchHit]) -> [Int] {
        struct Page: Hashable {
            let document: Int64
            let page: Int
        }
        var seen: Set<Page> = []
        return hits.indices.filter { seen.insert(Page(document: hits[$0].documentID, page: hits[$0].page)).inserted }
    }

    /// The indexes of the words that draw candidates: those held by at most `rareShare` of the chunks (and by
    /// one at least); when none is, those held by at most `wideShare`; when none is, the `fallbackRareWords` rarest
    /// held by some chunk. A word of several tokens ("44123-MP") is as rare as its rarest token.
    private func candidateWords(_ stems: [[String]], statistics: IndexStatistics) -> [Int] {
        let frequencies = stems.map { tokens in
            tokens.map { statistics.documentFrequency[$0] ?? 0 }.min() ?? 0
        }
        let found = frequencies.indices.filter { frequencies[$0] > 0 }
        for share in [rareShare, max(rareShare, Self.wideShare)] {
            let limit = Double(statistics.chunks) * share
            let rare = found.filter { Double(frequencies[$0]) <= limit }
            if !rare.isEmpty { return rare }
        }
        let rarest = found.sorted { frequencies[$0] < frequencies[$1] }.prefix(Self.fallbackRareWords)
        return rarest.sorted()
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
