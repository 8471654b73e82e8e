import GacetaSearch
import Glibc

/// FTS5's `bm25()` (k1 = 1.2, b = 0.75, negative: lower is better) computed here, in Swift, from the positions
/// of the query's lexemes in each candidate chunk, which PostgreSQL extracts cheaply with `setweight` and
/// `ts_filter` instead of unnesting every chunk's whole `tsvector` in SQL. The operations come in FTS5's
/// order on doubles, so equal inputs give the very same scores and ties as on SQLite.
struct PostgresRanking {
    private static let k1 = 1.2
    private static let b = 0.75

    let phrases: [SnippetBuilder.Phrase]
    let titleWeight: Double
    private let idf: [Double]
    private let averageLength: Double

    /// `rows` and `tokens` are the table's totals, `matches[i]` the number of chunks holding `phrases[i]`.
    init(phrases: [SnippetBuilder.Phrase], titleWeight: Double, rows: Double, tokens: Double, matches: [Double]) {
        self.phrases = phrases
        self.titleWeight = titleWeight
        let rows = max(1.0, rows)
        averageLength = max(1.0, tokens) / rows
        idf = matches.map { hits in
            let idf = log((rows - hits + 0.5) / (hits + 0.5))
            return idf <= 0 ? 1e-6 : idf
        }
    }

    /// The score of one chunk of `tokenCount` tokens whose query lexemes sit at `positions`.
    func score(_ positions: LexemePositions, tokenCount: Int) -> Double {
        let length = Double(tokenCount)
        var score = 0.0
        for (index, phrase) in phrases.enumerated() {
            let frequency = positions.weightedHits(phrase, titleWeight: titleWeight)
            score +=
                idf[index]
                * ((frequency * (Self.k1 + 1.0))
                    / (frequency + Self.k1 * (1 - Self.b + Self.b * length / averageLength)))
        }
        return -1.0 * score
    }
}

/// Where some lexemes occur in one chunk: parsed from the text of a `tsvector` that holds only those lexemes
/// (`'ley':3C,17C 'o''brien':5C`), and which of their positions are in the title (weight 'A' in the index).
struct LexemePositions {
    private(set) var positions: [(lexeme: [UInt8], positions: [Int])] = []
    private var titlePositions: Set<Int> = []

    /// `all`: every position of the lexemes; `title`: the title's positions only (nil or empty without a title).
    init(all: String, title: String?) {
        positions = Self.parse(all)
        for entry in Self.parse(title ?? "") { titlePositions.formUnion(entry.positions) }
    }

    /// The occurrences of `phrase` weighted `titleWeight` in the title and 1 in the body, as FTS5's `bm25()`
    /// counts them: positions where its terms follow each other, a term matching a lexeme equal to it (the last
    /// one any lexeme it starts, for a prefix), each position counted once however many lexemes match there.
    func weightedHits(_ phrase: SnippetBuilder.Phrase, titleWeight: Double) -> Double {
        let terms = phrase.terms.map { Array($0.utf8) }
        var found: [Set<Int>] = []
        for (index, term) in terms.enumerated() {
            let isPrefix = phrase.lastIsPrefix && index == terms.count - 1
            var set = Set<Int>()
            for entry in positions
            where isPrefix ? entry.lexeme.starts(with: term) : entry.lexeme == term {
                set.formUnion(entry.positions)
            }
            if set.isEmpty { return 0 }
            found.append(set)
        }
        var total = 0.0
        for start in found[0] where (1..<found.count).allSatisfy({ found[$0].contains(start + $0) }) {
            total += titlePositions.contains(start) ? titleWeight : 1
        }
        return total
    }

    /// Lexemes and positions from `tsvector` output: `'lexeme'` (a quote doubled, a backslash doubled), then
    /// `:` and positions separated by `,`, each maybe followed by its weight letter; entries separated by spaces.
    static func parse(_ text: String) -> [(lexeme: [UInt8], positions: [Int])] {
        let bytes = Array(text.utf8)
        var entries: [(lexeme: [UInt8], positions: [Int])] = []
        var index = 0
        let quote = UInt8(ascii: "'")
        let backslash = UInt8(ascii: "\\")
        while index < bytes.count {
            guard bytes[index] == quote else {
                index += 1
                continue
            }
            index += 1
            var lexeme: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == quote {
                    if index + 1 < bytes.count && bytes[index + 1] == quote {
                        lexeme.append(quote)
                        index += 2
                        continue
                    }
                    index += 1
                    break
                }
                if byte == backslash && index + 1 < bytes.count { index += 1 }
                lexeme.append(bytes[index])
                index += 1
            }
            var positions: [Int] = []
            if index < bytes.count && bytes[index] == UInt8(ascii: ":") {
                index += 1
                var number = 0
                var hasNumber = false
                while index < bytes.count && bytes[index] != UInt8(ascii: " ") {
                    let byte = bytes[index]
                    if (48...57).contains(byte) {
                        number = number * 10 + Int(byte - 48)
                        hasNumber = true
                    } else if byte == UInt8(ascii: ",") {
                        if hasNumber { positions.append(number) }
                        number = 0
                        hasNumber = false
                    }
                    index += 1
                }
                if hasNumber { positions.append(number) }
            }
            entries.append((lexeme, positions))
        }
        return entries
    }
}

/// How many chunks hold each phrase (BM25's IDF needs it for the whole table, and counting a common word takes
/// milliseconds), kept while the table does not change. The fingerprint of `chunk_totals` changes with every
/// ingest that commits: each one adds a row (its own transaction id in `xmin`), folding keeps the sums.
struct PhraseCountCache {
    /// The SQL aggregate over `chunk_totals` that gives the fingerprint.
    static let fingerprintSQL =
        "count(*) || ':' || coalesce(sum(chunks), 0) || ':' || coalesce(sum(tokens), 0) || ':' "
        + "|| coalesce(sum(xmin::text::bigint), 0)"

    /// Phrases kept at most; the cache starts again empty when full.
    private static let capacity = 10_000

    private var fingerprint = ""
    private var counts: [String: Double] = [:]

    func count(of phrase: String) -> Double? { counts[phrase] }

    /// Forgets every count when the table's fingerprint is not the one they were counted under.
    mutating func validate(fingerprint: String) {
        guard fingerprint != self.fingerprint else { return }
        self.fingerprint = fingerprint
        counts = [:]
    }

    mutating func store(_ count: Double, for phrase: String) {
        if counts.count >= Self.capacity { counts = [:] }
        counts[phrase] = count
    }
}
