import GacetaQuery
import GacetaText

/// Texts and queries as both stores' indexes see them: GacetaText's tokenizer, folded forms and stems. A
/// document token matches a query term by its stem or its folded form, a prefix by the start of either (see
/// `SQLiteTokenizer`), so whatever is built from these tokens (PostgreSQL's `tsvector`, snippets' marks) agrees
/// with what the index matched. Not thread-safe (one per store, one store per worker).
public final class IndexTerms {
    private let tokenizer = SpanishTokenizer()
    private let stemmer = SpanishStemmer()

    public init() {}

    /// A token of a text: its folded form, its stem (equal to the folded form for numbers) and its bytes.
    public struct Token {
        public let folded: String
        public let stem: String
        public let range: Range<Int>
    }

    /// The tokens of `text` as the index sees them.
    public func tokens(_ text: String) -> [Token] {
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

    /// The phrases of the atoms that must or may match, in the order FTS5 numbers them (groups, then atoms):
    /// what snippets mark and what BM25 scores. Excluded atoms never match a hit, so they are left out.
    public func phrases(_ expression: SearchExpression) -> [SnippetBuilder.Phrase] {
        expression.required.flatMap { $0 }.compactMap(phrase)
    }

    /// The atom's terms as a phrase, or nil when it holds no token.
    public func phrase(_ atom: QueryAtom) -> SnippetBuilder.Phrase? {
        let terms: [String] =
            switch atom {
            case .word(let text), .number(let text): tokenizer.terms(text, stem: true)
            case .phrase(let words): tokenizer.terms(words.joined(separator: " "), stem: true)
            // A prefix keeps the folded form of what was typed.
            case .prefix(let text): tokenizer.terms(text, stem: false)
            }
        guard !terms.isEmpty else { return nil }
        if case .prefix = atom { return SnippetBuilder.Phrase(terms: terms, lastIsPrefix: true) }
        return SnippetBuilder.Phrase(terms: terms, lastIsPrefix: false)
    }
}
