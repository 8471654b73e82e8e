/// The parser's errors, one factory per mistake, so every message is written (and tested) in one place.
extension QueryError {
    static func tooLong(limit: Int) -> QueryError {
        QueryError(
            message: "the query is longer than \(limit) characters: shorten it to the words that matter most",
            position: limit, isTooLong: true)
    }

    static func controlCharacter(_ scalar: Unicode.Scalar, at position: Int) -> QueryError {
        let code = String(scalar.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
        return QueryError(
            message: "control character U+\(padded) at character \(position) is not allowed: remove it "
                + "(pasted text can carry invisible characters)",
            position: position)
    }

    static let empty = QueryError(message: "the query is empty: type at least one word to search for")

    static let noWords = QueryError(
        message: "the query has no words to search for: punctuation and symbols are ignored, "
            + "so type at least one word or number")

    static let onlyExclusions = QueryError(
        message: "the query only excludes terms: add at least one word to search for, as in salario -mínimo")

    static func unterminatedQuote(at position: Int) -> QueryError {
        QueryError(
            message: "unterminated quote: a phrase started at character \(position) needs a closing \"",
            position: position)
    }

    static func emptyPhrase(at position: Int) -> QueryError {
        QueryError(
            message: "empty phrase at character \(position): put at least one word between the quotes, "
                + "as in \"zona franca\"",
            position: position)
    }

    static func loneMinus(at position: Int) -> QueryError {
        QueryError(
            message: "'-' at character \(position) must be followed directly by the word or \"phrase\" to exclude, "
                + "without a space, as in -palabra or -\"zona franca\"",
            position: position)
    }

    static func parenthesis(_ character: Character, at position: Int) -> QueryError {
        QueryError(
            message: "parentheses are not supported ('\(character)' at character \(position)): "
                + "write OR groups as a OR b without parentheses",
            position: position)
    }

    static func orAtStart(at position: Int) -> QueryError {
        QueryError(
            message: "'OR' at character \(position) has nothing before it: write alternatives as a OR b",
            position: position)
    }

    static func orAtEnd(at position: Int) -> QueryError {
        QueryError(
            message: "'OR' at character \(position) has nothing after it: write alternatives as a OR b",
            position: position)
    }

    static func orAfterOr(at position: Int) -> QueryError {
        QueryError(
            message: "'OR' at character \(position) follows another 'OR': write alternatives as a OR b OR c",
            position: position)
    }

    static func excludedAlternative(at position: Int) -> QueryError {
        QueryError(
            message: "the excluded term at character \(position) can't be an alternative in an OR group: "
                + "write exclusions separately, as in a OR b -c",
            position: position)
    }

    static func strayStar(at position: Int) -> QueryError {
        QueryError(
            message: "'*' at character \(position) must directly follow a word of at least 2 letters, as in salar*",
            position: position)
    }

    static func starInsideWord(at position: Int) -> QueryError {
        QueryError(
            message: "'*' at character \(position) must be the last character of a word: "
                + "prefix searches are written salar*, with nothing after the '*'",
            position: position)
    }

    static func prefixTooShort(_ text: String, at position: Int) -> QueryError {
        QueryError(
            message: "prefix '\(text)*' at character \(position) is too short: write at least 2 letters before '*'",
            position: position)
    }

    static func starInPhrase(at position: Int) -> QueryError {
        QueryError(
            message: "'*' at character \(position) is inside a \"phrase\": phrases match whole words, "
                + "so put prefix searches such as salar* outside the quotes",
            position: position)
    }

    static func prefixInHyphenatedWord(at position: Int) -> QueryError {
        QueryError(
            message: "the prefix search at character \(position) can't end a hyphenated word: "
                + "write only the part to complete, as in minis*",
            position: position)
    }

    static func tooManyAtoms(limit: Int, at position: Int) -> QueryError {
        QueryError(
            message: "the query has more than \(limit) search terms (term \(limit + 1) is at character \(position)): "
                + "remove some",
            position: position, isTooLong: true)
    }

    static func internalError(at position: Int) -> QueryError {
        QueryError(
            message: "the query could not be read near character \(position): rewrite it with plain words",
            position: position)
    }
}
