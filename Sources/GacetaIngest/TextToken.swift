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
        var current = ""
        var currentKind = Kind.word
        func flush() {
            if !current.isEmpty { tokens.append(TextToken(kind: currentKind, text: current)) }
            current = ""
        }
        for character in text {
            let kind: Kind
            if character.isASCII, character.isNumber {
                kind = .number
            } else if character.isLetter, character != "º", character != "ª" {
                kind = .word
            } else {
                flush()
                continue
            }
            if kind != currentKind { flush() }
            currentKind = kind
            current += TextFolding.fold(String(character))
        }
        flush()
        return tokens
    }
}
