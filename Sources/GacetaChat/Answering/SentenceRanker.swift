import GacetaCore

/// Scores the sentences of passages by how much of a question they answer: the overlap of their stemmed content
/// words with the question's own words (weight 1) and with the earlier question a follow-up leans on (0.5 in
/// the sentence, 0.25 elsewhere in its passage), minus a little for lower-ranked passages and for fragments.
struct SentenceRanker {
    /// A sentence worth quoting.
    struct Candidate {
        /// Index of the passage in the list given (0-based).
        var passage: Int
        var sentence: QuotableSentences.Sentence
        var score: Double
    }

    private let analyzer: TermAnalyzer
    /// Stems of the question's own words.
    private let primary: Set<String>
    /// Stems of the words a follow-up takes from earlier turns.
    private let secondary: Set<String>

    init(terms: QuestionTerms, analyzer: TermAnalyzer) {
        self.analyzer = analyzer
        var primary = Set(terms.current.map { analyzer.stem(folded: $0.folded) })
        var secondary = Set(terms.context.map { analyzer.stem(folded: $0.folded) })
        if primary.isEmpty { swap(&primary, &secondary) }
        self.primary = primary
        self.secondary = secondary.subtracting(primary)
    }

    /// Init from free text to match (e.g. a model's claim plus the question), all of it primary.
    init(stems: Set<String>, analyzer: TermAnalyzer) {
        self.analyzer = analyzer
        primary = stems
        secondary = []
    }

    /// How many of the question's own stems a sentence must hold: all of one or two, half of more.
    var requiredMatches: Int {
        primary.count <= 2 ? primary.count : (primary.count + 1) / 2
    }

    /// The sentences that answer enough of the question, best first (ties keep passage and sentence order).
    func candidates(in passages: [SearchHit]) -> [Candidate] {
        guard !primary.isEmpty else { return [] }
        var found: [Candidate] = []
        for (index, passage) in passages.enumerated() {
            let passageStems = analyzer.stems(of: passage.text)
            let contextInPassage = secondary.intersection(passageStems).count
            for sentence in QuotableSentences.of(passage.text) {
                let stems = analyzer.stems(of: sentence.text)
                let matches = primary.intersection(stems).count
                guard matches >= requiredMatches, matches > 0 else { continue }
                let contextInSentence = secondary.intersection(stems).count
                var score = Double(matches) + 0.5 * Double(contextInSentence)
                score += 0.25 * Double(contextInPassage - contextInSentence)
                score -= 0.05 * Double(index)
                if sentence.text.count < 30 { score -= 0.5 }
                found.append(Candidate(passage: index, sentence: sentence, score: score))
            }
        }
        return found.enumerated().sorted { lhs, rhs in
            lhs.element.score != rhs.element.score ? lhs.element.score > rhs.element.score : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The passage's sentence sharing the most stems with the text this ranker was made from, or its first
    /// sentence when none shares any.
    func bestSentence(of passage: SearchHit) -> QuotableSentences.Sentence? {
        let sentences = QuotableSentences.of(passage.text)
        var best: (sentence: QuotableSentences.Sentence, matches: Int)?
        for sentence in sentences {
            let matches = primary.intersection(analyzer.stems(of: sentence.text)).count
            if matches > (best?.matches ?? 0) { best = (sentence, matches) }
        }
        return best?.sentence ?? sentences.first
    }
}
