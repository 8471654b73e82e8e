/// Splits query characters into terms and `OR` operators; knows syntax, not what groups mean.
struct QueryScanner {
    let characters: [Character]
    /// Position of the next character to read.
    var index: Int
    /// Scanning stops here (the closing quote, when scanning inside a phrase).
    let end: Int

    init(_ characters: [Character], from start: Int = 0, to end: Int? = nil) {
        self.characters = characters
        self.index = start
        self.end = end ?? characters.count
    }

    /// Reads the whole input into items, throwing at the first syntax error.
    mutating func scanItems() throws(QueryError) -> [QueryItem] {
        var items: [QueryItem] = []
        while index < end {
            let character = characters[index]
            if character.isQueryQuote {
                items.append(.term(try scanPhrase(excluded: false, start: index)))
            } else if character == "(" || character == ")" {
                throw .parenthesis(character, at: index)
            } else if character == "-" && followsSpace(index) {
                items.append(.term(try scanExclusion()))
            } else if character == "*" {
                throw .strayStar(at: index)
            } else if isOperatorOR(at: index) {
                items.append(.or(position: index))
                index += 2
            } else if startsTerm(at: index) {
                items.append(.term(try scanTerm(excluded: false, start: index)))
            } else {
                index += 1  // whitespace and other punctuation separate terms
            }
        }
        return items
    }

    /// True at the start of the input or after whitespace: only there does `-` exclude (elsewhere it is a hyphen).
    func followsSpace(_ position: Int) -> Bool {
        position == 0 || characters[position - 1].isWhitespace
    }

    /// A word character, or `#` right before a digit (the canonical number form `#44123`).
    func startsTerm(at position: Int) -> Bool {
        guard position < end else { return false }
        let character = characters[position]
        if character.isQueryWordCharacter { return true }
        return character == "#" && position + 1 < end && characters[position + 1].isASCIIDigit
    }

    /// `OR` in capitals standing alone between spaces (or quotes); `or` and `Or` are ordinary words.
    func isOperatorOR(at position: Int) -> Bool {
        guard position + 1 < end, characters[position] == "O", characters[position + 1] == "R" else { return false }
        let before = position == 0 || characters[position - 1].isWhitespace || characters[position - 1].isQueryQuote
        let after =
            position + 2 == end || characters[position + 2].isWhitespace
            || characters[position + 2].isQueryQuote
        return before && after
    }

    /// Reads `-word`, `-prefix*` or `-"a phrase"`; the `-` must touch what it excludes.
    private mutating func scanExclusion() throws(QueryError) -> QueryTerm {
        let start = index
        let next = index + 1
        if next < end && characters[next].isQueryQuote {
            index = next
            return try scanPhrase(excluded: true, start: start)
        }
        guard startsTerm(at: next) else { throw .loneMinus(at: start) }
        index = next
        return try scanTerm(excluded: true, start: start)
    }

    /// Reads a quoted phrase starting at the opening quote (at `index`); any quote character closes it.
    private mutating func scanPhrase(excluded: Bool, start: Int) throws(QueryError) -> QueryTerm {
        let open = index
        var close = open + 1
        while close < end && !characters[close].isQueryQuote { close += 1 }
        guard close < end else { throw .unterminatedQuote(at: open) }

        var inside = QueryScanner(characters, from: open + 1, to: close)
        var words: [String] = []
        while inside.index < inside.end {
            if characters[inside.index] == "*" { throw .starInPhrase(at: inside.index) }
            if inside.startsTerm(at: inside.index) {
                words.append(try inside.scanPart(inPhrase: true).phraseWord)
            } else {
                inside.index += 1  // inside quotes, all other punctuation (hyphens, parentheses) separates words
            }
        }
        guard !words.isEmpty else { throw .emptyPhrase(at: open) }
        index = close + 1
        return QueryTerm(parts: [.phrase(words)], excluded: excluded, position: start)
    }
}
