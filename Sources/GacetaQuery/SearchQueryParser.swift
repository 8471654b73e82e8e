/// Parses what users type in the search box into a ``SearchExpression``.
///
/// The language: words (all required), `"exact phrases"`, `-excluded` terms, `a OR b` alternatives,
/// `prefix*` searches and numbers (`44.123`, `N° 525`, `44123-MP`). Other punctuation separates words.
/// Raw text never leaves the parser: atoms hold only letters and digits.
public enum SearchQueryParser {
    /// Longest accepted query, in characters (user-perceived characters, not bytes).
    public static let maximumLength = 400
    /// Most atoms a query may have; a phrase or an OR alternative counts as one.
    public static let maximumAtoms = 24

    /// Parses a query.
    ///
    /// - Parameters:
    ///   - text: The query as typed.
    ///   - isStopword: Called with lower-cased plain required words; those it accepts are dropped (and listed in
    ///     ``SearchExpression/droppedStopwords``) unless that would leave nothing required.
    /// - Throws: ``QueryError`` explaining what to rewrite, with the character position when it points somewhere.
    public static func parse(
        _ text: String,
        isStopword: (String) -> Bool = { _ in false }
    ) throws(QueryError) -> SearchExpression {
        let characters = try checkedCharacters(text)
        if characters.allSatisfy(\.isWhitespace) { throw .empty }

        var scanner = QueryScanner(characters)
        let items = try scanner.scanItems()
        var assembler = QueryAssembler(maximumAtoms: maximumAtoms)
        for unit in try QueryAssembler.alternatives(items) {
            try assembler.add(unit)
        }
        return try assembler.expression(isStopword: isStopword)
    }

    /// The input's characters, after checking its length (without reading past the limit) and control characters.
    private static func checkedCharacters(_ text: String) throws(QueryError) -> [Character] {
        var characters: [Character] = []
        for character in text {
            if characters.count == maximumLength { throw .tooLong(limit: maximumLength) }
            if let scalar = character.forbiddenControlScalar {
                throw .controlCharacter(scalar, at: characters.count)
            }
            characters.append(character)
        }
        return characters
    }
}
