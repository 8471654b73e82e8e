import GacetaText

/// Whether a model's answer repeats its prompt instead of answering (issue 13 §4): it holds any
/// `windowWords` consecutive words of the system prompt, a passage heading (its id, or its line), or a line that
/// starts with "Pasajes:" or "Pregunta:". Words are compared folded, so case, accents and punctuation do not
/// hide an echo.
struct EchoCheck {
    static let windowWords = 8

    private let promptWindows: Set<[String]>
    private let headings: [[String]]
    private let ids: [String]

    /// `headings` are the passage heading lines as sent (without their id), `ids` the passages' ids.
    init(systemPrompt: String, headings: [String], ids: [String]) {
        let words = Self.words(systemPrompt)
        var windows: Set<[String]> = []
        if words.count >= Self.windowWords {
            for start in 0...(words.count - Self.windowWords) {
                windows.insert(Array(words[start..<(start + Self.windowWords)]))
            }
        }
        promptWindows = windows
        self.headings = headings.map(Self.words).filter { !$0.isEmpty }
        self.ids = ids.map { $0.lowercased() }
    }

    /// Whether `text` (the answer so far, as the model wrote it) is an echo.
    func isEcho(_ text: String) -> Bool {
        for line in text.split(whereSeparator: \.isNewline) {
            var trimmed = Substring(line)
            while let first = trimmed.first, first.isWhitespace || first == "*" || first == "#" {
                trimmed.removeFirst()
            }
            let lowered = trimmed.lowercased()
            if lowered.hasPrefix("pasajes:") || lowered.hasPrefix("pregunta:") { return true }
        }
        let lowered = text.lowercased()
        if ids.contains(where: { lowered.contains($0) }) { return true }
        let words = Self.words(text)
        if words.count >= Self.windowWords {
            for start in 0...(words.count - Self.windowWords)
            where promptWindows.contains(Array(words[start..<(start + Self.windowWords)])) {
                return true
            }
        }
        return headings.contains { heading in Self.contains(words, heading) }
    }

    private static func contains(_ words: [String], _ run: [String]) -> Bool {
        guard run.count <= words.count else { return false }
        for start in 0...(words.count - run.count) where words[start] == run[0] {
            if Array(words[start..<(start + run.count)]) == run { return true }
        }
        return false
    }

    private static func words(_ text: String) -> [String] {
        SpanishTokenizer().terms(text, stem: false)
    }
}
