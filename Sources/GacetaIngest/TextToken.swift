import GacetaText

/// A word or a number in a line of text, with everything else treated as separators.
struct TextToken: Equatable {
    enum Kind { case word, number }
    var kind: Kind
    /// Folded (lowercase, unaccented) text of the token.
    var text: String

    /// Splits text into folded words and digit runs; "Nº129" gives "n", "129"; "º", "°" and punctuation separate.
    static func tokenize<S: StringProtocol>(_ text: S) -> [TextToken] {
        var tokens: [TextToken] = []
        // The token as printed; folded when it ends (folding goes scalar by scalar, so a whole token folds as its
        // characters one by one would).
        var current = ""
        var currentKind = Kind.word
        func flush() {
            if !current.isEmpty { tokens.append(TextToken(kind: currentKind, text: TextFolding.fold(current))) }
            current = ""
        }
        for character in text {
            let kind: Kind
            if let ascii = character.asciiValue {
                if ascii >= 0x30 && ascii <= 0x39 {
                    kind = .number
                } else if ascii | 0x20 >= 0x61 && ascii | 0x20 <= 0x7A {
                    kind = .word
                } else {
                    flush()
                    continue
                }
            } else if character.isLetter, character != "º", character != "ª" {
                kind = .word
            } else {
                flush()
                continue
            }
            if kind != currentKind { flush() }
            currentKind = kind
            current.append(character)
        }
        flush()
        return tokens
    }
}
