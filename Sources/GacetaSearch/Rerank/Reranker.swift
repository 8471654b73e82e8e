import GacetaText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reorders the candidates of a question by what a reader looks for, after the index's BM25 found them among
/// every match (issue 13 §2).
///
/// A candidate's score adds up, best first:
/// - **coverage**: the IDF-weighted share of the question's terms the passage holds (numbers and identifiers
///   weigh half again as much, names the question capitalises two and a half times); IDF is counted over the
///   whole index when its statistics are given (else over the candidates), so a word most chunks hold
///   ("proyecto", "ley") counts little;
/// - **proximity**: how close together the matched terms are (the shortest span holding them all);
/// - **bigrams**: pairs of consecutive question words found next to each other (stopwords between them
///   skipped), so "Ley 70 de 1993", "44123-MP" or "salario mínimo" weigh as phrases;
/// - **title**: the share of the question's terms in the document's title or heading;
/// - **neighbours**: the best coverage of the same document's adjacent chunks among the candidates;
/// - a little for the index's own order (BM25).
/// Recency breaks ties, or weighs in when the question asks for it (`recencyAsked`).
public final class Reranker {
    /// One candidate passage.
    public struct Candidate: Sendable {
        public var text: String
        public var title: String
        /// `YYYY-MM-DD`.
        public var date: String
        public var documentID: Int64
        public var chunkID: Int64
        /// The index's score (BM25 as SQLite reports it: lower is better); equal scores rank equal.
        public var score: Double

        public init(text: String, title: String, date: String, documentID: Int64, chunkID: Int64, score: Double = 0) {
            self.score = score
            self.text = text
            self.title = title
            self.date = date
            self.documentID = documentID
            self.chunkID = chunkID
        }
    }

    /// A candidate's place and what ranked it.
    public struct Ranked: Sendable, Equatable {
        /// Index into the candidates given.
        public var index: Int
        public var score: Double
        /// IDF-weighted share of the question's terms the passage holds (0…1): what the no-answer threshold reads.
        public var coverage: Double
    }

    /// The candidates in their new order, and the weight (IDF over the candidates) of each question stem.
    public struct Ranking: Sendable {
        public var ranked: [Ranked]
        /// Stem → weight; stems as `IndexTerms` makes them (folded, Snowball, numbers as digits).
        public var weights: [String: Double]
        /// The question's stems no candidate holds (nor covers through `Equivalents`).
        public var unheld: Set<String> = []
    }

    /// The whole index's chunks and, per stem (as `IndexTerms` makes them), the chunks holding it.
    public typealias Statistics = (chunks: Int, documentFrequency: [String: Int])

    /// Weights of the features beside coverage (which weighs 1).
    static let proximityWeight = 0.3
    static let bigramWeight = 0.25
    /// 0.2 until `answers3`: the many Peruvian norms' titles name their subject ("Ley que regula … las Fuerzas
    /// Armadas"), so a title match drew norms above the page that answers; 0.05 on bench/answers' tune half.
    static let titleWeight = 0.05
    static let neighbourWeight = 0.1
    /// 0.05 until `answers3`: the index's BM25 order alone had a better recall@5 than the reranker (tune half).
    static let orderWeight = 0.2
    static let recencyWeight = 0.15
    static let numberBoost = 1.5
    /// A word the question types as a name («Escazú», «Tres Ríos», «Contraloría»): a reader looks for the page that
    /// names it. 2.5 on bench/answers' tune half (1: first citation 14/51; 2: 15; 2.5 to 4: 16, see its README).
    static let nameBoost = 2.5

    private let terms = IndexTerms()

    public init() {}

    /// The candidates best first. `words` are the question's content words (as typed or folded; stopwords and
    /// question words already left out), in the question's order; `names` those of them typed as names.
    /// `statistics` (the whole index's chunks and each stem's) give the IDF; without them it is counted over the
    /// candidates. A passage holding one form of `equivalents` holds the other for its coverage.
    public func rank(
        words: [String], names: Set<String> = [], recencyAsked: Bool, candidates: [Candidate],
        statistics: Statistics? = nil, equivalents: Equivalents = Equivalents()
    ) -> Ranking {
        let query = stems(of: words, names: names)
        guard !query.stems.isEmpty, !candidates.isEmpty else {
            return Ranking(ranked: candidates.indices.map { Ranked(index: $0, score: 0, coverage: 0) }, weights: [:])
        }
        let analysed = candidates.map { analyse($0.text, query: query) }
        let weights = equivalents.merged(
            statistics.map { Self.weights(query, statistics: $0) } ?? self.weights(query, analysed: analysed))
        let total = weights.values.reduce(0, +)
        let held = analysed.map { equivalents.completed($0.present) }
        let coverages = held.map { present in present.reduce(0) { $0 + (weights[$1] ?? 0) } / total }
        let neighbours = neighbourCoverage(candidates, coverages)
        let dates = recencyRanks(candidates)
        var ranked: [Ranked] = []
        // A document's chunks share its title: read each title once.
        var titles = TitleStems(terms: terms)
        for (index, passage) in analysed.enumerated() {
            var score = coverages[index]
            score += Self.proximityWeight * proximity(passage, matched: passage.present.count, of: query.stems.count)
            if !query.bigrams.isEmpty {
                let found = query.bigrams.filter { passage.bigrams.contains($0) }.count
                score += Self.bigramWeight * Double(found) / Double(query.bigrams.count)
            }
            let titleStems = titles.stems(candidates[index].title)
            score +=
                Self.titleWeight * query.stems.filter(titleStems.contains).reduce(0) { $0 + (weights[$1] ?? 0) } / total
            score += Self.neighbourWeight * neighbours[index]
            let better = candidates.filter { $0.score < candidates[index].score }.count
            score += Self.orderWeight * (1 - Double(better) / Double(candidates.count))
            if recencyAsked { score += Self.recencyWeight * dates[index] }
            ranked.append(Ranked(index: index, score: score, coverage: coverages[index]))
        }
        ranked.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if dates[lhs.index] != dates[rhs.index] { return dates[lhs.index] > dates[rhs.index] }
            return lhs.index < rhs.index
        }
        return Ranking(
            ranked: ranked, weights: weights,
            unheld: Set(query.stems).subtracting(held.reduce(into: Set<String>()) { $0.formUnion($1) }))
    }

    /// Each title's stems, read once.
    struct TitleStems {
        let terms: IndexTerms
        var seen: [String: Set<String>] = [:]

        mutating func stems(_ title: String) -> Set<String> {
            if let stems = seen[title] { return stems }
            let stems = Set(terms.tokens(title).map(\.stem))
            seen[title] = stems
            return stems
        }
    }

    /// The question's stems in order without repeats, and its bigrams.
    struct Query {
        var stems: [String]
        var numbers: Set<String>
        var bigrams: Set<Bigram>
        /// Stems of the words the question typed as names.
        var names: Set<String> = []
    }

    struct Bigram: Hashable {
        var first: String
        var second: String
    }

    func stems(of words: [String], names: Set<String> = []) -> Query {
        var stems: [String] = []
        var numbers: Set<String> = []
        var nameStems: Set<String> = []
        var sequence: [String] = []
        for word in words {
            for token in terms.tokens(word) where !SpanishStopwords.contains(token.folded) {
                sequence.append(token.stem)
                if token.folded.contains(where: \.isNumber) {
                    numbers.insert(token.stem)
                } else if names.contains(word) {
                    nameStems.insert(token.stem)
                }
                if !stems.contains(token.stem) { stems.append(token.stem) }
            }
        }
        var bigrams: Set<Bigram> = []
        for (first, second) in zip(sequence, sequence.dropFirst()) where first != second {
            bigrams.insert(Bigram(first: first, second: second))
        }
        return Query(stems: stems, numbers: numbers, bigrams: bigrams, names: nameStems)
    }

    /// What a passage holds of the question: the stems present, their positions, its content bigrams.
    struct Analysed {
        var present: Set<String>
        /// (token position, stem) of every question term in the passage, in order.
        var hits: [(position: Int, stem: String)]
        var bigrams: Set<Bigram>
    }

    func analyse(_ text: String, query: Query) -> Analysed {
        let wanted = Set(query.stems)
        var present: Set<String> = []
        var hits: [(position: Int, stem: String)] = []
        var bigrams: Set<Bigram> = []
        var previous: String?
        var position = 0
        for token in terms.tokens(text) where !SpanishStopwords.contains(token.folded) {
            if wanted.contains(token.stem) {
                present.insert(token.stem)
                hits.append((position, token.stem))
                if let previous, wanted.contains(previous) {
                    bigrams.insert(Bigram(first: previous, second: token.stem))
                }
            }
            previous = token.stem
            position += 1
        }
        return Analysed(present: present, hits: hits, bigrams: bigrams)
    }

    /// IDF of each question stem over the candidates (log(1 + (N − df + 0.5) / (df + 0.5))), numbers boosted. A
    /// stem no candidate holds weighs as much as the rarest one that some candidate holds: over a small set of
    /// candidates its IDF would say more about the sample than about the word.
    private func weights(_ query: Query, analysed: [Analysed]) -> [String: Double] {
        let count = Double(analysed.count)
        var weights: [String: Double] = [:]
        var absent: [String] = []
        for stem in query.stems {
            let df = Double(analysed.filter { $0.present.contains(stem) }.count)
            guard df > 0 else {
                absent.append(stem)
                continue
            }
            weights[stem] = max(log(1 + (count - df + 0.5) / (df + 0.5)), 0.05)
        }
        let rarest = weights.values.max() ?? 1
        for stem in absent { weights[stem] = rarest }
        for stem in query.numbers { weights[stem] = weights[stem].map { $0 * Self.numberBoost } }
        for stem in query.names { weights[stem] = weights[stem].map { $0 * Self.nameBoost } }
        return weights
    }

    /// IDF of each question stem over the whole index, numbers boosted; a stem no chunk holds weighs as much as
    /// one held by a single chunk.
    static func weights(_ query: Query, statistics: Statistics) -> [String: Double] {
        let count = Double(max(statistics.chunks, 1))
        var weights: [String: Double] = [:]
        for stem in query.stems {
            let df = Double(min(max(statistics.documentFrequency[stem] ?? 0, 1), statistics.chunks))
            weights[stem] = max(log(1 + (count - df + 0.5) / (df + 0.5)), 0.05)
            if query.numbers.contains(stem) { weights[stem] = (weights[stem] ?? 0) * Self.numberBoost }
            if query.names.contains(stem) { weights[stem] = (weights[stem] ?? 0) * Self.nameBoost }
        }
        return weights
    }

    /// 1 when the matched terms stand side by side, falling with the span that holds them all; scaled by the
    /// share of terms matched. 0 with fewer than two terms matched.
    func proximity(_ passage: Analysed, matched: Int, of total: Int) -> Double {
        guard matched >= 2 else { return 0 }
        let span = Self.shortestSpan(passage.hits, distinct: matched)
        return Double(matched) / Double(max(span, matched)) * Double(matched) / Double(total)
    }

    /// Tokens in the shortest window holding `distinct` different stems of `hits` (sorted by position).
    public static func shortestSpan(_ hits: [(position: Int, stem: String)], distinct: Int) -> Int {
        var counts: [String: Int] = [:]
        var best = Int.max
        var start = 0
        for end in hits.indices {
            counts[hits[end].stem, default: 0] += 1
            while counts.count == distinct {
                best = min(best, hits[end].position - hits[start].position + 1)
                let stem = hits[start].stem
                let left = (counts[stem] ?? 1) - 1
                counts[stem] = left == 0 ? nil : left
                start += 1
            }
        }
        return best == Int.max ? (hits.last?.position ?? 0) + 1 : best
    }

    /// For each candidate, the best coverage among the same document's adjacent chunks (ids ± 1) in the set.
    private func neighbourCoverage(_ candidates: [Candidate], _ coverages: [Double]) -> [Double] {
        var byChunk: [Int64: Int] = [:]
        for (index, candidate) in candidates.enumerated() { byChunk[candidate.chunkID] = index }
        return candidates.map { candidate in
            [candidate.chunkID - 1, candidate.chunkID + 1].compactMap { id -> Double? in
                guard let other = byChunk[id], candidates[other].documentID == candidate.documentID else { return nil }
                return coverages[other]
            }.max() ?? 0
        }
    }

    /// Each candidate's date as a share of the span of dates among them (newest 1, oldest 0).
    private func recencyRanks(_ candidates: [Candidate]) -> [Double] {
        let dates = Array(Set(candidates.map(\.date))).sorted()
        guard dates.count > 1 else { return candidates.map { _ in 0 } }
        var rank: [String: Double] = [:]
        for (index, date) in dates.enumerated() { rank[date] = Double(index) / Double(dates.count - 1) }
        return candidates.map { rank[$0.date] ?? 0 }
    }
}
