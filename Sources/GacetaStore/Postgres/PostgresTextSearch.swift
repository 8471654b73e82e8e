import GacetaQuery
import GacetaText

/// Spanish full text for PostgreSQL with the very terms the SQLite index uses: GacetaText's tokenizer and
/// stemmer run here, in Swift, and their output reaches PostgreSQL as `tsvector`/`tsquery` values.
///
/// PostgreSQL's own `spanish` Snowball dictionary (after `unaccent`) gives other stems than GacetaText, which
/// restores the accents Snowball needs on folded words and singularizes plurals first ("licitación" →
/// "licitacion" in PostgreSQL but "licit" here, like "licitaciones"), and its parser splits "44.123" where
/// GacetaText keeps one number. Building the terms here keeps what a user finds identical on both stores.
///
/// Like the SQLite tokenizer, a document holds each token twice at one position, stemmed and folded, so words
/// match by stem and prefixes match what was written ("contrata*" finds "contratación", not "contrato").
/// Lexemes are always quoted in the literals built here: no user text is ever read as tsquery syntax.
/// Not thread-safe (one per store, one store per worker).
final class PostgresTextSearch {
    /// PostgreSQL's limits: positions above 16383 are clamped, a lexeme keeps at most 256 positions.
    private static let maximumPosition = 16_383
    private static let maximumPositionsPerLexeme = 255

    private let tokenizer = SpanishTokenizer()
    private let stemmer = SpanishStemmer()

    /// A token of a text: its folded form, its stem (equal to the folded form for numbers) and its bytes.
    struct Token {
        let folded: String
        let stem: String
        let range: Range<Int>
    }

    /// The tokens of `text` as the index sees them.
    func tokens(_ text: String) -> [Token] {
        var text = text
        var tokens: [Token] = []
        text.withUTF8 { bytes in
            tokenizer.tokenize(bytes, stem: false) { token, range in
                let folded = String(decoding: token, as: UTF8.self)
                let hasDigit = token.contains(where: { (48...57).contains($0) })
                let stem = hasDigit ? folded : String(decoding: stemmer.stem(bytes: token), as: UTF8.self)
                tokens.append(Token(folded: folded, stem: stem, range: range))
                return true
            }
        }
        return tokens
    }

    /// The `tsvector` literal for one chunk and its number of tokens: `title` (empty except on a document's
    /// first chunk) weighted 'A', then `body` weighted 'B' one position further, so that no phrase spans the two.
    func vector(title: String, body: String) -> (literal: String, tokenCount: Int, lexemes: [String]) {
        var positions: [String: [String]] = [:]
        var order: [String] = []
        func add(_ lexeme: String, _ position: Int, _ weight: String) {
            if positions[lexeme] == nil { order.append(lexeme) }
            if positions[lexeme, default: []].count < Self.maximumPositionsPerLexeme {
                positions[lexeme, default: []].append(String(min(position, Self.maximumPosition)) + weight)
            }
        }
        var position = 0
        var count = 0
        for (text, weight) in [(title, "A"), (body, "B")] {
            if position > 0 { position += 1 }
            for token in tokens(text) {
                position += 1
                count += 1
                add(token.stem, position, weight)
                if token.folded != token.stem { add(token.folded, position, weight) }
            }
        }
        let literal = order.map { Self.quoted($0) + ":" + (positions[$0] ?? []).joined(separator: ",") }
            .joined(separator: " ")
        return (literal, count, order)
    }

    /// The `tsquery` literal for `expression`, or nil when nothing searchable remains. Same shape as
    /// `FTS5Expression`: alternatives joined by `|`, groups by `&`, exclusions as `& !`; an atom with
    /// several tokens is a phrase (`<->`), a prefix marks its last token with `:*`.
    func query(_ expression: SearchExpression) -> String? {
        var required: [String] = []
        for group in expression.required {
            let atoms = group.compactMap { query(atom: $0) }
            guard !atoms.isEmpty else { continue }
            required.append("(" + atoms.joined(separator: " | ") + ")")
        }
        guard !required.isEmpty else { return nil }
        var text = required.joined(separator: " & ")
        for atom in expression.excluded.compactMap({ query(atom: $0) }) { text += " & !" + atom }
        return text
    }

    /// The phrases of the atoms that must or may match, in FTS5's order (groups, then atoms): what snippets
    /// mark and what BM25 scores.
    func phrases(_ expression: SearchExpression) -> [SnippetBuilder.Phrase] {
        expression.required.flatMap { $0 }.compactMap { atom in
            let terms = self.terms(atom)
            return terms.isEmpty ? nil : SnippetBuilder.Phrase(terms: terms, lastIsPrefix: atom.isPrefix)
        }
    }

    private func query(atom: QueryAtom) -> String? {
        let terms = terms(atom)
        guard !terms.isEmpty else { return nil }
        return SnippetBuilder.Phrase(terms: terms, lastIsPrefix: atom.isPrefix).tsquery
    }

    /// Words are stemmed; a prefix keeps the folded form of what was typed.
    private func terms(_ atom: QueryAtom) -> [String] {
        switch atom {
        case .word(let text), .number(let text): tokenizer.terms(text, stem: true)
        case .phrase(let words): tokenizer.terms(words.joined(separator: " "), stem: true)
        case .prefix(let text): tokenizer.terms(text, stem: false)
        }
    }

    /// `'lexeme'` with `'` doubled and `\` escaped, as tsvector and tsquery literals read it.
    static func quoted(_ lexeme: String) -> String {
        var text = "'"
        for character in lexeme {
            if character == "'" || character == "\\" { text.append(character == "'" ? "'" : "\\") }
            text.append(character)
        }
        return text + "'"
    }
}

extension SnippetBuilder.Phrase {
    /// The phrase as a `tsquery` literal: quoted lexemes joined by `<->`, the last with `:*` for a prefix.
    var tsquery: String {
        var quoted = terms.map(PostgresTextSearch.quoted)
        if lastIsPrefix, let last = quoted.popLast() { quoted.append(last + ":*") }
        return "(" + quoted.joined(separator: " <-> ") + ")"
    }

    /// The lexemes as a `text[]` literal.
    var arrayLiteral: String { PostgresTextSearch.arrayLiteral(terms) }
}

extension PostgresTextSearch {
    /// `values` as a `text[]` literal, each quoted.
    static func arrayLiteral(_ values: [String]) -> String {
        "{" + values.map { "\"" + $0.replacingBackslashesAndQuotes() + "\"" }.joined(separator: ",") + "}"
    }

    /// A `LIKE` pattern matching the strings that start with `prefix`.
    static func likePrefix(_ prefix: String) -> String {
        var pattern = ""
        for character in prefix {
            if character == "\\" || character == "%" || character == "_" { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern + "%"
    }
}

extension String {
    fileprivate func replacingBackslashesAndQuotes() -> String {
        var text = ""
        for character in self {
            if character == "\\" || character == "\"" { text.append("\\") }
            text.append(character)
        }
        return text
    }
}

extension QueryAtom {
    fileprivate var isPrefix: Bool {
        if case .prefix = self { return true }
        return false
    }
}
