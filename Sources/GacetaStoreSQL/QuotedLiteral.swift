/// The one way user text becomes a quoted literal of a query language (an FTS5 string, a tsquery lexeme, a
/// `text[]` element, a `LIKE` prefix). It works scalar by scalar, never by `Character`: a grapheme cluster can
/// hide a quote (U+0D4E, a "prepend" character, followed by `"` is one `Character` that is not `"`). U+0000 is
/// dropped: the C interfaces the literal goes through would end the text there, cutting off its closing quote.
public enum QuotedLiteral {
    /// `text` with every scalar in `special` preceded by `escape`.
    public static func escaped(_ text: String, special: Set<Unicode.Scalar>, escape: Unicode.Scalar) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar != "\u{0}" {
            if special.contains(scalar) { result.append(escape) }
            result.append(scalar)
        }
        return String(result)
    }

    /// An FTS5 string: `"…"` with `"` doubled. Nothing inside it is read as FTS5 syntax.
    public static func fts5(_ text: String) -> String { "\"" + escaped(text, special: ["\""], escape: "\"") + "\"" }

    /// A tsvector/tsquery lexeme: `'…'` with `'` doubled and `\` escaped.
    public static func lexeme(_ text: String) -> String {
        "'" + escaped(escaped(text, special: ["\\"], escape: "\\"), special: ["'"], escape: "'") + "'"
    }

    /// An element of a PostgreSQL array literal: `"…"` with `\` and `"` escaped by `\`.
    public static func arrayElement(_ text: String) -> String {
        "\"" + escaped(text, special: ["\\", "\""], escape: "\\") + "\""
    }

    /// A `LIKE` pattern matching the strings that start with `prefix` (`\` is the escape character).
    public static func likePrefix(_ prefix: String) -> String {
        escaped(prefix, special: ["\\", "%", "_"], escape: "\\") + "%"
    }
}
