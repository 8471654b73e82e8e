import GacetaCore
import GacetaSearch
import GacetaText

/// What a question is about: its own content words and, for a follow-up ("¿y cuándo entra en vigencia?"), the
/// content words of the question it follows.
struct QuestionTerms {
    /// Most words searched for one question (its own first, then the earlier turns').
    static let maximumWords = 12

    /// The question's own content words, in order, without repeats.
    var current: [TermAnalyzer.Word]
    /// Words from earlier turns that the question leans on (empty when it stands alone).
    var context: [TermAnalyzer.Word]

    /// Two forms of one thing, both among the words: an institution's acronym and name, a place's demonym
    /// («cartaginés») and name.
    struct Pair {
        var short: [TermAnalyzer.Word]
        var long: [TermAnalyzer.Word]
    }

    /// The pairs among the words.
    var pairs: [Pair]

    /// All words, the question's own first.
    var all: [TermAnalyzer.Word] { current + context }

    init(question: String, history: ArraySlice<ConversationTurn>, analyzer: TermAnalyzer) {
        let (words, pairs) = Self.expanded(analyzer.contentWords(ofQuestion: question), analyzer: analyzer)
        current = Self.unique(words, excluding: [])
        context = []
        self.pairs = pairs
        guard let previous = history.last, Self.isFollowUp(question, contentWords: current.count) else { return }
        let earlier = QuestionTerms(question: previous.question, history: history.dropLast(), analyzer: analyzer)
        let room = max(Self.maximumWords - current.count, 0)
        context = Array(Self.unique(earlier.all, excluding: Set(current.map(\.folded))).prefix(room))
        self.pairs += earlier.pairs
    }

    /// Each institution's acronym and name, each demonym and place, as stems (`Equivalents`).
    func equivalents(_ analyzer: TermAnalyzer) -> Equivalents {
        Equivalents(
            pairs.map { pair in
                Equivalents.Pair(
                    short: pair.short.map { analyzer.stem(folded: $0.folded) },
                    long: pair.long.map { analyzer.stem(folded: $0.folded) })
            })
    }

    /// A question continues the conversation when it opens with a connector ("y", "pero", "entonces", …), points
    /// back ("eso", "dicho decreto", …) or is too short to stand alone (one content word or none).
    static func isFollowUp(_ question: String, contentWords: Int) -> Bool {
        if contentWords <= 1 { return true }
        let words = SpanishTokenizer().terms(question, stem: false)
        if let first = words.first, openers.contains(first) { return true }
        return words.contains { pointers.contains($0) }
    }

    private static let openers: Set<String> = ["y", "e", "pero", "entonces", "tambien", "ademas", "o", "u"]
    private static let pointers: Set<String> = [
        "eso", "esto", "ello", "ese", "esa", "esos", "esas", "este", "esta", "estos", "estas", "dicho", "dicha",
        "dichos", "dichas", "mismo", "misma", "anterior", "aquel", "aquella",
    ]

    /// The words, each acronym of an institution followed by the words of its name (the page prints the name), each
    /// demonym by its place's name (`Demonyms`), and the acronym after a name typed in full (the page may print the
    /// acronym). The added words are not names: the reader did not type them.
    static func expanded(
        _ words: [TermAnalyzer.Word], analyzer: TermAnalyzer
    ) -> (words: [TermAnalyzer.Word], pairs: [Pair]) {
        var expanded: [TermAnalyzer.Word] = []
        var named: Set<String> = []
        var pairs: [Pair] = []
        for word in words {
            expanded.append(word)
            if let acronym = word.institution, let entry = InstitutionAcronyms.entries[acronym] {
                expanded += entry.name
                if named.insert(acronym).inserted { pairs.append(Pair(short: entry.acronym, long: entry.name)) }
            } else if !word.isName, let place = Demonyms.places[analyzer.stem(folded: word.folded)] {
                // «cartaginesas»: the page names Cartago.
                expanded += place
                pairs.append(Pair(short: [word], long: place))
            }
        }
        let folded = words.map(\.folded)
        for (acronym, entry) in InstitutionAcronyms.entries where !named.contains(acronym) {
            let name = entry.name.map(\.folded)
            guard !name.isEmpty, name.count <= folded.count else { continue }
            let typed = (0...(folded.count - name.count)).contains {
                folded[$0..<($0 + name.count)].elementsEqual(name)
            }
            if typed {
                expanded += entry.acronym
                pairs.append(Pair(short: entry.acronym, long: entry.name))
            }
        }
        return (expanded, pairs)
    }

    private static func unique(_ words: [TermAnalyzer.Word], excluding: Set<String>) -> [TermAnalyzer.Word] {
        var seen = excluding
        return words.filter { seen.insert($0.folded).inserted }
    }
}
