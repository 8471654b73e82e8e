import GacetaCore
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

    /// All words, the question's own first.
    var all: [TermAnalyzer.Word] { current + context }

    init(question: String, history: ArraySlice<ConversationTurn>, analyzer: TermAnalyzer) {
        current = Self.unique(analyzer.contentWords(ofQuestion: question), excluding: [])
        context = []
        guard let previous = history.last, Self.isFollowUp(question, contentWords: current.count) else { return }
        let earlier = QuestionTerms(question: previous.question, history: history.dropLast(), analyzer: analyzer)
        let room = max(Self.maximumWords - current.count, 0)
        context = Array(Self.unique(earlier.all, excluding: Set(current.map(\.folded))).prefix(room))
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

    private static func unique(_ words: [TermAnalyzer.Word], excluding: Set<String>) -> [TermAnalyzer.Word] {
        var seen = excluding
        return words.filter { seen.insert($0.folded).inserted }
    }
}
