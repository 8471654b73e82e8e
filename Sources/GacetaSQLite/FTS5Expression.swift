import GacetaCore
import GacetaQuery
import GacetaStoreSQL
import GacetaText

/// Translates a parsed `SearchExpression` into an FTS5 MATCH expression. Every atom becomes a
/// double-quoted FTS5 string (`QuotedLiteral.fts5`, the only way user text reaches FTS5), so no user text is ever
/// read as FTS5 syntax; the
/// `gaceta` tokenizer then folds and stems inside the strings.
enum FTS5Expression {
    /// The MATCH text, or nil when nothing searchable remains (e.g. only punctuation).
    static func build(_ expression: SearchExpression, tokenizer: SpanishTokenizer) -> String? {
        var required: [String] = []
        for group in expression.required {
            let atoms = group.compactMap { atom($0, tokenizer: tokenizer) }
            guard !atoms.isEmpty else { continue }
            required.append(atoms.count == 1 ? atoms[0] : "(" + atoms.joined(separator: " OR ") + ")")
        }
        guard !required.isEmpty else { return nil }
        var text = required.joined(separator: " AND ")
        let excluded = expression.excluded.compactMap { atom($0, tokenizer: tokenizer) }
        if !excluded.isEmpty {
            text = "(" + text + ")"
            for atom in excluded { text += " NOT " + atom }
        }
        return text
    }

    private static func atom(_ atom: QueryAtom, tokenizer: SpanishTokenizer) -> String? {
        switch atom {
        case .word(let word): quoted(word, tokenizer: tokenizer)
        case .number(let digits): quoted(digits, tokenizer: tokenizer)
        case .phrase(let words): quoted(words.joined(separator: " "), tokenizer: tokenizer)
        case .prefix(let stem): quoted(stem, tokenizer: tokenizer).map { $0 + " *" }
        }
    }

    private static func quoted(_ text: String, tokenizer: SpanishTokenizer) -> String? {
        guard !tokenizer.terms(text, stem: false).isEmpty else { return nil }
        return QuotedLiteral.fts5(text)
    }
}
