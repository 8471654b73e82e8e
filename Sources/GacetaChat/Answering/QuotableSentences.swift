import GacetaText

/// The sentences of a passage that can be quoted: each paragraph's sentences (`SentenceSplitter`) without the
/// signature blocks and closing marks of notices (`SignatureBlock`), every one a verbatim substring of the passage
/// text. A sentence longer than `maximumLength` characters is cut after its last ";" or "," within that length
/// (still a verbatim prefix, shown with «…»); one with neither stays whole.
enum QuotableSentences {
    static let maximumLength = 400

    /// One quotable sentence, whether it was cut short, and the heading in capitals printed right before it.
    struct Sentence {
        var text: String
        var isCut: Bool
        /// The heading in capitals before the sentence («REGLAMENTO PARA EL USO DE LAS CICLOVÍAS…» before «Artículo
        /// 4°—…»): never quoted (the answer names the notice), its words count as the sentence's when ranking.
        var heading: String?

        /// The text the sentence is ranked by: its heading and itself.
        var rankedText: String { heading.map { $0 + " " + text } ?? text }
    }

    /// The passage's quotable sentences; a heading followed by a sentence of its paragraph is that sentence's
    /// `heading`.
    static func of(_ text: String) -> [Sentence] {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: true).map {
            SentenceSplitter.sentences(String($0))
        }
        var sentences: [Sentence] = []
        var heading: String?
        // A heading with no sentence right after it (the passage ends, or a signature block follows) stays
        // quotable on its own.
        func flush() {
            if let pending = heading { sentences.append(shortened(pending)) }
            heading = nil
        }
        // The paragraph of each sentence: a heading on a line of its own (a Markdown title) opens nothing.
        let paragraphOf = paragraphs.indices.flatMap { Array(repeating: $0, count: paragraphs[$0].count) }
        for (number, entry) in SignatureBlock.content(of: paragraphs).enumerated() {
            if number > 0, paragraphOf[number] != paragraphOf[number - 1] { flush() }
            guard let kept = entry else {
                flush()
                continue
            }
            if SentenceSplitter.isHeading(kept) {
                heading = heading.map { $0 + " " + kept } ?? String(kept)
                continue
            }
            var sentence = shortened(String(kept))
            sentence.heading = heading
            sentences.append(sentence)
            heading = nil
        }
        flush()
        return sentences
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
