import GacetaCore

/// The offline provider (the default): quotes the sentences of the passages that best answer the question.
///
/// A sentence qualifies when it holds enough of the question's stemmed content words (all of one or two, half
/// of more; see `SentenceRanker`), so unrelated text is never quoted. At most `maximumSentences` are used,
/// preferring different passages and skipping repeats (overlapping chunks share sentences). Every sentence of
/// the answer ends with its `[n]` marker, e.g. "Según La Gaceta Nº 129 del 15 de julio de 2024, «Se fija un
/// precio máximo … calzado escolar» [1]."; each citation's quote is the sentence exactly as in `SearchHit.text`.
/// Citations are numbered 1… in order of use, one per quoted sentence (two sentences of one passage give two
/// citations of the same page), and only cited passages are listed. With nothing relevant
/// the answer is "No encontré información sobre eso en las ediciones de La Gaceta disponibles." and cites
/// nothing.
public struct ExtractiveProvider: AnswerProvider, Sendable {
    public let name = "extractive"
    /// Most sentences quoted in one answer.
    public let maximumSentences = 3

    /// Creates the provider; it holds no state.
    public init() {}

    public func answer(
        question: String, history: [ConversationTurn], passages: [SearchHit], onToken: ((String) -> Void)?
    ) throws -> Answer {
        let analyzer = TermAnalyzer()
        let terms = QuestionTerms(question: question, history: history[...], analyzer: analyzer)
        let ranker = SentenceRanker(terms: terms, analyzer: analyzer)
        let picks = select(from: ranker.candidates(in: passages))
        let (answer, sentences) = compose(picks, passages: passages)
        // One token per sentence, so a page shows the answer growing as a model's would.
        for (index, sentence) in sentences.enumerated() {
            onToken?(index == sentences.count - 1 ? sentence : sentence + " ")
        }
        return answer
    }

    /// The best sentence, then the next best ones from other passages, then from the same passages, as long as
    /// they score at least 3/4 of the best.
    private func select(from candidates: [SentenceRanker.Candidate]) -> [SentenceRanker.Candidate] {
        guard let best = candidates.first else { return [] }
        let strong = candidates.filter { $0.score >= best.score * 0.75 }
        var picks: [SentenceRanker.Candidate] = []
        var seen: Set<String> = []
        for otherPassagesOnly in [true, false] {
            for candidate in strong where picks.count < maximumSentences {
                if otherPassagesOnly && picks.contains(where: { $0.passage == candidate.passage }) { continue }
                let key = candidate.sentence.text.lowercased()
                guard seen.insert(key).inserted else { continue }
                picks.append(candidate)
            }
        }
        return picks
    }

    /// The answer and its sentences (the text is the sentences joined by spaces).
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
            let previous = position > 0 ? passages[picks[position - 1].passage] : nil
            if position == 0 {
                sentences.append("Según \(SpanishWording.edition(of: hit)), \(quote)")
            } else if picks[..<position].contains(where: { $0.passage == pick.passage }) {
                sentences.append("Y agrega: \(quote)")
            } else if let previous, previous.editionDate == hit.editionDate,
                previous.editionNumber == hit.editionNumber
            {
                sentences.append("En la misma edición: \(quote)")
            } else {
                sentences.append("Además, \(SpanishWording.edition(of: hit)) indica: \(quote)")
            }
        }
        return (Answer(text: sentences.joined(separator: " "), citations: citations, provider: name), sentences)
    }
}
