/// Case- and accent-insensitive matching for Spanish text.
enum TextFolding {
    private static let plain: [Character: Character] = [
        "á": "a", "à": "a", "â": "a", "ä": "a", "ã": "a", "é": "e", "è": "e", "ê": "e", "ë": "e",
        "í": "i", "ì": "i", "î": "i", "ï": "i", "ó": "o", "ò": "o", "ô": "o", "ö": "o", "õ": "o",
        "ú": "u", "ù": "u", "û": "u", "ü": "u", "ñ": "n", "ç": "c", "ý": "y",
    ]

    /// Lowercases and removes accents from Latin letters ("Página" → "pagina").
    static func fold(_ character: Character) -> Character {
        let lower = character.isUppercase ? Character(character.lowercased()) : character
        return plain[lower] ?? lower
    }

    static func fold<S: StringProtocol>(_ text: S) -> String {
        String(text.map(fold))
    }
}

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
            current.append(TextFolding.fold(character))
        }
        flush()
        return tokens
    }
}
