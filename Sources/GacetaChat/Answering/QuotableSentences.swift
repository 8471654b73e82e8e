import GacetaText

/// The sentences of a passage that can be quoted: each paragraph's sentences (`SentenceSplitter`), every one a
/// verbatim substring of the passage text; a sentence longer than `maximumLength` characters is cut at a word
/// boundary (still a verbatim prefix).
enum QuotableSentences {
    static let maximumLength = 400

    /// One quotable sentence and whether it was cut short.
    struct Sentence {
        var text: String
        var isCut: Bool
    }

    static func of(_ text: String) -> [Sentence] {
        text.split(separator: "\n", omittingEmptySubsequences: true).flatMap { paragraph in
            SentenceSplitter.sentences(String(paragraph)).map(shortened)
        }
    }

    private static func shortened(_ sentence: String) -> Sentence {
        guard sentence.count > maximumLength else { return Sentence(text: sentence, isCut: false) }
        var prefix = sentence.prefix(maximumLength)
        if let space = prefix.lastIndex(where: \.isWhitespace), space > prefix.startIndex {
            prefix = prefix[..<space]
        }
        while let last = prefix.last, last.isWhitespace || last == "," || last == ";" { prefix.removeLast() }
        return Sentence(text: String(prefix), isCut: true)
    }
}
