import GacetaCore
import GacetaSearch
import GacetaText

/// The offline provider (the default): quotes the sentences of the passages that best answer the question.
///
/// Sentences are scored by `SentenceRanker` (IDF-weighted coverage of the question, proximity); furniture is
/// never quoted (`RunningText`, learnt from the passages retrieved for the question). The best sentence is
/// used, then up to `maximumSentences` in all of the same passage that score at least `closeToBest` of it, never
/// one sentence twice (overlapping chunks share sentences): an answer quotes one page (a second page quoted was
/// more often a wrong one, see `maximumSentences`). Each sentence names what it quotes: "Según Decreto
/// Ejecutivo N° 44123-MP (La Gaceta Nº 129 del 15 de julio del 2024, página 3), «Se fija un precio máximo …»
/// [1]."; each citation's quote is the sentence exactly as in `SearchHit.text`. Citations are numbered 1… in
/// order of use, one per quoted sentence. When the best passage's IDF-weighted coverage of the question is
/// below `noAnswerThreshold`, no sentence qualifies, the best sentence lacks a heavy word of the question
/// (`missingWordLimit`), or its passage lacks a name the question types (`lacksAName`), the answer is exactly
/// `SpanishWording.notFound` and cites nothing.
public struct ExtractiveProvider: AnswerProvider, Sendable {
    public let name = "extractive"
    /// Most sentences (and citations) in one answer (4 cited 2.4 pages an answer on bench/answers' tune half, one
    /// right at best: citation precision 0.13; 2 with `closeToBest` 0.9 gave 0.25, first and any page unchanged;
    /// 2 of the best sentence's passage only: 19/51 cited pages right instead of 19/65, one question fewer with an
    /// expected page among its citations, 19 instead of 20).
    public let maximumSentences = 2
    /// A sentence after the best is quoted only when it scores at least this share of the best: when the best is
    /// clearly better, the answer quotes it alone.
    static let closeToBest = 0.9
    /// Below this IDF-weighted coverage of the question by its best passage, the answer is "No encontré…".
    /// Tuned on the `tune` half of `bench/answers` (see its README).
    public static let noAnswerThreshold = 0.3
    /// When the best sentence lacks a word of the question weighing this share of the question's heaviest word or
    /// more, the answer is "No encontré…". Off (above 1, the most a share can be): on the `tune` half of
    /// `bench/answers` 0.4 answered right or rightly refused the most questions (21 of 63 against 19), but it
    /// refuses a sentence that leaves the place to its notice's heading («¿A qué hora cierran los tramos del
    /// mercado de Turrialba?»), see the README there. For tuning: `ask --missing-word-limit`.
    public static let missingWordLimit = 1.01
    /// This provider's `missingWordLimit` (for tuning it: `ask --missing-word-limit`).
    public var missingWordLimit: Double

    /// Creates the provider; it holds no state beyond its limit.
    public init(missingWordLimit: Double = Self.missingWordLimit) { self.missingWordLimit = missingWordLimit }

    /// Answers from `passages` alone, reranking them to weigh the question's words.
    public func answer(
        question: String, history: [ConversationTurn], passages: [SearchHit], onToken: ((String) -> Void)?
    ) throws -> Answer {
        let terms = QuestionTerms(question: question, history: history[...], analyzer: TermAnalyzer())
        let ranking = Reranker().rank(
            words: terms.all.map(\.text), names: Set(terms.all.filter(\.isName).map(\.text)), recencyAsked: false,
            candidates: passages.map {
                Reranker.Candidate(
                    text: $0.text, title: $0.documentTitle, date: $0.editionDate, documentID: $0.documentID,
                    chunkID: $0.chunkID, score: $0.score)
            }, equivalents: terms.equivalents(TermAnalyzer()))
        var coverage = Array(repeating: 0.0, count: passages.count)
        for ranked in ranking.ranked { coverage[ranked.index] = ranked.coverage }
        let retrieval = Retriever.Retrieval(
            passages: passages, coverage: coverage, considered: passages, weights: ranking.weights,
            unheld: ranking.unheld)
        return answer(question: question, history: history, retrieval: retrieval, onToken: onToken)
    }

    /// Answers from a retrieval: its passages, their coverage and the question's weights.
    public func answer(
        question: String, history: [ConversationTurn], retrieval: Retriever.Retrieval,
        threshold: Double = noAnswerThreshold, onToken: ((String) -> Void)?
    ) -> Answer {
        let passages = retrieval.passages
        var picks: [SentenceRanker.Candidate] = []
        if (retrieval.coverage.max() ?? 0) >= threshold {
            let analyzer = TermAnalyzer()
            let terms = QuestionTerms(question: question, history: history[...], analyzer: analyzer)
            let ranker = SentenceRanker(terms: terms, analyzer: analyzer, weights: retrieval.weights)
            let quoted = Set(passages.map(\.documentID))
            let furniture = Self.furniture(of: retrieval.chunks.filter { quoted.contains($0.documentID) })
            let candidates = ranker.candidates(
                in: passages, furniture: furniture, passageCoverage: retrieval.coverage)
            // The best sentence lacking a word the question leans on (its rarest, or nearly) does not answer it; a
            // word no candidate holds is left out of this (a verb's rare form, a typo: no page could hold it).
            // (A share is at most 1: a limit above it refuses nothing and needs no reading.)
            if let best = candidates.first,
                missingWordLimit > 1
                    || ranker.missingShare(of: best.sentence, unheld: retrieval.unheld) < missingWordLimit,
                !Self.lacksAName(terms, question: question, passage: passages[best.passage], analyzer: analyzer)
            {
                picks = select(from: candidates)
            }
        }
        let (answer, sentences) = compose(picks, passages: passages)
        // One token per sentence, so a page shows the answer growing as a model's would.
        for (index, sentence) in sentences.enumerated() {
            onToken?(index == sentences.count - 1 ? sentence : sentence + " ")
        }
        return answer
    }

    /// Whether the question types a name — a place, a person, an institution: a word with a capital after the
    /// question's first («¿A quién nombraron embajador en Japón?», «…una ciclovía de Heredia?») — that the passage
    /// quoted does not hold, nor its document's title: the passage is about somewhere or someone else (the
    /// ambassador to the Netherlands, Cartago's bicycle lanes), and quoting it would answer another question. A
    /// question in parts joined by «y», «o» («…sobre la langosta de Papagayo y sobre el mercado de Turrialba?») is
    /// answered in the part the passage holds a name of. An acronym counts as held when the passage prints the
    /// institution's name, a name when it prints the acronym.
    static func lacksAName(
        _ terms: QuestionTerms, question: String, passage: SearchHit, analyzer: TermAnalyzer
    ) -> Bool {
        let names = terms.current.filter { $0.isName && $0.institution == nil }
        guard !names.isEmpty else { return false }
        let held = terms.equivalents(analyzer).completed(
            analyzer.stems(of: passage.text + " " + passage.documentTitle))
        let (present, missing) = names.reduce(into: (Set<String>(), Set<String>())) { sides, name in
            if held.contains(analyzer.stem(folded: name.folded)) {
                sides.0.insert(name.folded)
            } else {
                sides.1.insert(name.folded)
            }
        }
        guard !missing.isEmpty else { return false }
        // The question's words in order: a conjunction between a name held and one missing splits it in parts.
        let words = SpanishTokenizer().terms(question, stem: false)
        var sawPresent = false
        var sawMissing = false
        var partsSplit = false
        for word in words {
            if Self.conjunctions.contains(word) {
                partsSplit = sawPresent || sawMissing
            } else if present.contains(word) {
                if partsSplit && sawMissing { return false }
                sawPresent = true
            } else if missing.contains(word) {
                if partsSplit && sawPresent { return false }
                sawMissing = true
            }
        }
        return true
    }

    private static let conjunctions: Set<String> = ["y", "e", "o", "u"]

    /// What is furniture in each document, learnt from every chunk considered (only the quoted documents' are given:
    /// learning it costs more than the rest of an answer).
    static func furniture(of hits: [SearchHit]) -> [Int64: RunningText] {
        Dictionary(grouping: hits, by: \.documentID).mapValues { hits in
            // Furniture is what recurs on `minimumPages` pages: a document seen on fewer (a norm is one page of
            // many chunks) has none to learn, and reading its chunks was most of an answer's time.
            Set(hits.map(\.page)).count < RunningText.minimumPages
                ? RunningText(pages: []) : RunningText(pages: hits.map { ($0.page, $0.text) })
        }
    }

    /// The best sentence, then the next best ones of its passage as long as they score at least `closeToBest` of
    /// it; a sentence already picked (or holding, or held by, one picked) is skipped.
    private func select(from candidates: [SentenceRanker.Candidate]) -> [SentenceRanker.Candidate] {
        guard let best = candidates.first else { return [] }
        var picks: [SentenceRanker.Candidate] = []
        var seen: [String] = []
        for candidate in candidates where picks.count < maximumSentences {
            guard candidate.passage == best.passage, candidate.score >= best.score * Self.closeToBest else { continue }
            let key = Self.comparable(candidate.sentence.text)
            guard !seen.contains(where: { $0.contains(key) || key.contains($0) }) else { continue }
            seen.append(key)
            picks.append(candidate)
        }
        return picks
    }

    /// Folded words joined by single spaces, to find one sentence quoted twice.
    static func comparable(_ text: String) -> String {
        SpanishTokenizer().terms(text, stem: false).joined(separator: " ")
    }

    /// The answer and its sentences (the text is the sentences joined by spaces): the first names its source, the
    /// others (of the same passage) follow it.
    private func compose(_ picks: [SentenceRanker.Candidate], passages: [SearchHit]) -> (Answer, [String]) {
        guard !picks.isEmpty else {
            return (Answer(text: SpanishWording.notFound, citations: [], provider: name), [SpanishWording.notFound])
        }
        var citations: [Citation] = []
        var sentences: [String] = []
        for (position, pick) in picks.enumerated() {
            let hit = passages[pick.passage]
            let n = position + 1
            citations.append(Citation(n: n, hit: hit, quote: pick.sentence.text))
            let quote = "«\(SpanishWording.inlineQuote(pick.sentence))» [\(n)]."
            sentences.append(position == 0 ? "Según \(SpanishWording.source(of: hit)), \(quote)" : "Y agrega: \(quote)")
        }
        return (Answer(text: sentences.joined(separator: " "), citations: citations, provider: name), sentences)
    }
}
