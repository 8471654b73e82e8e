import GacetaCore
import GacetaSearch
import GacetaText

/// Scores the sentences of passages by how much of a question they answer, weighing each of the question's
/// stems by its IDF (so "proyecto", "ley" or "congreso" count less than "reparación"): the weighted share of the
/// question's own stems a sentence holds (its coverage), the earlier question's for a follow-up at half weight,
/// how close together the matched words stand, the passage's own coverage, minus a little for lower-ranked
/// passages and for fragments. Furniture (running heads and feet, repeated lines, tables of contents) is cut
/// from a sentence or drops it (`RunningText`).
struct SentenceRanker {
    /// A sentence worth quoting.
    struct Candidate {
        /// Index of the passage in the list given (0-based).
        var passage: Int
        var sentence: QuotableSentences.Sentence
        var score: Double
        /// IDF-weighted share of the question's own stems in the sentence.
        var coverage: Double
    }

    /// A sentence needs this much of the question's weight to be quoted.
    static let minimumCoverage = 0.3

    private let analyzer: TermAnalyzer
    /// Stems of the question's own words, with their weights.
    private let primary: [String: Double]
    /// Stems of the words a follow-up takes from earlier turns.
    private let secondary: [String: Double]
    /// Acronyms and names, demonyms and places: a sentence holding the short form holds the long one.
    private let equivalents: Equivalents

    init(terms: QuestionTerms, analyzer: TermAnalyzer, weights: [String: Double]) {
        self.analyzer = analyzer
        func weighted(_ words: [TermAnalyzer.Word]) -> [String: Double] {
            Dictionary(
                words.map { word in
                    let stem = analyzer.stem(folded: word.folded)
                    return (stem, weights[stem] ?? 1)
                }, uniquingKeysWith: { first, _ in first })
        }
        var primary = weighted(terms.current)
        var secondary = weighted(terms.context)
        if primary.isEmpty { swap(&primary, &secondary) }
        self.primary = primary
        self.secondary = secondary.filter { primary[$0.key] == nil }
        equivalents = terms.equivalents(analyzer)
    }

    /// Init from free text to match (e.g. a model's claim plus the question), all of it primary, unweighted.
    init(stems: Set<String>, analyzer: TermAnalyzer) {
        self.analyzer = analyzer
        primary = Dictionary(uniqueKeysWithValues: stems.map { ($0, 1.0) })
        secondary = [:]
        equivalents = Equivalents()
    }

    /// The sentences that answer enough of the question, best first (ties keep passage and sentence order).
    /// `furniture` gives, per document, what of its passages is furniture; `passageCoverage` each passage's.
    func candidates(
        in passages: [SearchHit], furniture: [Int64: RunningText] = [:], passageCoverage: [Double] = []
    ) -> [Candidate] {
        let total = primary.values.reduce(0, +)
        guard total > 0 else { return [] }
        var found: [Candidate] = []
        for (index, passage) in passages.enumerated() {
            // Only a follow-up has context words to look for in the whole passage (reading it costs a tenth of an
            // answer).
            var contextInPassage = 0
            if !secondary.isEmpty {
                let passageStems = analyzer.stems(of: passage.text)
                contextInPassage = secondary.filter { passageStems.contains($0.key) }.count
            }
            for sentence in QuotableSentences.of(passage.text) {
                guard let sentence = Self.withoutFurniture(sentence, furniture[passage.documentID]) else { continue }
                // Ranked with its heading (as it reads on the page), quoted without it.
                let ranked = sentence.rankedText
                let positions = analyzer.positions(of: ranked)
                let literal = Set(positions.map(\.stem))
                let stems = equivalents.completed(literal)
                let matched = primary.filter { stems.contains($0.key) }
                let coverage = matched.values.reduce(0, +) / total
                guard coverage >= Self.minimumCoverage else { continue }
                let contextInSentence = secondary.filter { stems.contains($0.key) }.count
                var score = coverage + 0.15 * Double(contextInSentence)
                score += 0.05 * Double(contextInPassage - contextInSentence)
                score += 0.2 * Self.proximity(positions, wanted: literal.intersection(matched.keys)) * coverage
                if Self.isDispositive(sentence.text) { score += 0.2 }
                if index < passageCoverage.count { score += 0.2 * passageCoverage[index] }
                score -= 0.01 * Double(index)
                if ranked.count < 30 { score -= 0.3 }
                found.append(Candidate(passage: index, sentence: sentence, score: score, coverage: coverage))
            }
        }
        return found.enumerated().sorted { lhs, rhs in
            lhs.element.score != rhs.element.score ? lhs.element.score > rhs.element.score : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The weight of the heaviest of the question's own stems `sentence` lacks (leaving out `unheld`, those no
    /// candidate holds), as a share of the heaviest one's: 0 when it lacks none, 1 when it lacks the heaviest.
    func missingShare(of sentence: QuotableSentences.Sentence, unheld: Set<String>) -> Double {
        let stems = equivalents.completed(analyzer.stems(of: sentence.rankedText))
        let lacking = primary.filter { !stems.contains($0.key) && !unheld.contains($0.key) }
        return (lacking.values.max() ?? 0) / (primary.values.max() ?? 1)
    }

    /// The sentence with furniture cut off, or nil when nothing else is left.
    static func withoutFurniture(
        _ sentence: QuotableSentences.Sentence, _ furniture: RunningText?
    ) -> QuotableSentences.Sentence? {
        if RunningText.isTableOfContentsLine(sentence.text) { return nil }
        guard let furniture else { return sentence }
        guard let content = furniture.content(of: sentence.text) else { return nil }
        return QuotableSentences.Sentence(text: String(content), isCut: sentence.isCut, heading: sentence.heading)
    }

    /// Whether the sentence disposes (what a decree, agreement or resolution decides): it opens an article
    /// ("Artículo 1°—…") or uses the gazette's dispositive verbs ("se fija", "se establece", "se aprueba", …).
    static func isDispositive(_ text: String) -> Bool {
        let words = SpanishTokenizer().terms(String(text.prefix(200)), stem: false)
        if words.first == "articulo" { return true }
        for (first, second) in zip(words, words.dropFirst()) where first == "se" && dispositiveVerbs.contains(second) {
            return true
        }
        return false
    }

    private static let dispositiveVerbs: Set<String> = [
        "fija", "fijan", "establece", "establecen", "aprueba", "aprueban", "autoriza", "autorizan", "declara",
        "declaran", "dispone", "ordena", "crea", "crean", "modifica", "modifican", "reforma", "reforman", "deroga",
        "derogan", "otorga", "adjudica", "nombra", "prohibe", "prorroga", "decreta", "acuerda", "resuelve",
    ]

    /// Matched stems ÷ the shortest span of content words holding them all: 1 when side by side.
    static func proximity(_ positions: [(position: Int, stem: String)], wanted: Set<String>) -> Double {
        guard wanted.count >= 2 else { return 0 }
        let hits = positions.filter { wanted.contains($0.stem) }
        guard Set(hits.map(\.stem)).count == wanted.count else { return 0 }
        return Double(wanted.count) / Double(Reranker.shortestSpan(hits, distinct: wanted.count))
    }

    /// The passage's sentence sharing the most stems with the text this ranker was made from, or its first
    /// sentence when none shares any.
    func bestSentence(of passage: SearchHit) -> QuotableSentences.Sentence? {
        let sentences = QuotableSentences.of(passage.text)
        var best: (sentence: QuotableSentences.Sentence, matches: Int)?
        for sentence in sentences {
            let stems = analyzer.stems(of: sentence.rankedText)
            let matches = primary.keys.filter(stems.contains).count
            if matches > (best?.matches ?? 0) { best = (sentence, matches) }
        }
        return best?.sentence ?? sentences.first
    }
}
