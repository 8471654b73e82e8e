import GacetaText

/// The sentences of a passage that can be quoted: each paragraph's sentences (`SentenceSplitter`) without the
/// signature blocks and closing marks of notices (`SignatureBlock`), every one a verbatim substring of the passage
/// text. A sentence longer than `maximumLength` characters is cut after its last ";" or "," within that length
/// (still a verbatim prefix, shown with «…»); one with neither stays whole.
enum QuotableSentences {
    static let maximumLength = 400

    /// One quotable sentence and whether it was cut short.
    struct Sentence {
        var text: String
        var isCut: Bool
    }

    static func of(_ text: String) -> [Sentence] {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: true).map {
            SentenceSplitter.sentences(String($0))
        }
        return SignatureBlock.content(of: paragraphs).compactMap { $0.map { shortened(String($0)) } }
    }

    static func shortened(_ sentence: String) -> Sentence {
        guard sentence.count > maximumLength else { return Sentence(text: sentence, isCut: false) }
        var prefix = sentence.prefix(maximumLength)
        guard let cut = prefix.lastIndex(where: { $0 == ";" || $0 == "," }), cut > prefix.startIndex else {
            return Sentence(text: sentence, isCut: false)
        }
        prefix = prefix[..<cut]
        while let last = prefix.last, last.isWhitespace { prefix.removeLast() }
        return Sentence(text: String(prefix), isCut: true)
    }
}
