import GacetaQuery
import GacetaSearch
import GacetaStoreSQL
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

    /// The index's tokens and the query's phrases, shared with the SQLite store and snippets.
    let terms = IndexTerms()

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
            for token in terms.tokens(text) {
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

    /// The phrases that must or may match: what snippets mark and what BM25 scores.
    func phrases(_ expression: SearchExpression) -> [SnippetBuilder.Phrase] { terms.phrases(expression) }

    private func query(atom: QueryAtom) -> String? { terms.phrase(atom)?.tsquery }

    /// `'lexeme'` with `'` doubled and `\` escaped, as tsvector and tsquery literals read it.
    static func quoted(_ lexeme: String) -> String { QuotedLiteral.lexeme(lexeme) }
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
        "{" + values.map(QuotedLiteral.arrayElement).joined(separator: ",") + "}"
    }

    /// A `LIKE` pattern matching the strings that start with `prefix`.
    static func likePrefix(_ prefix: String) -> String { QuotedLiteral.likePrefix(prefix) }
}
