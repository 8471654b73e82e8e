/// One searchable unit of a parsed query.
///
/// Every string an atom holds is made only of letters and digits (lower-cased as typed, accents kept):
/// no quotes, operators or punctuation from the user's text survive, so the storage layer can quote it safely.
public enum QueryAtom: Sendable, Equatable {
    /// A word, lower-cased as typed; accent folding and stemming happen later, in the storage layer.
    case word(String)
    /// A prefix search, written `salar*`; holds the text before the `*` (at least 2 characters).
    case prefix(String)
    /// An exact phrase: its words in order, lower-cased; numbers inside are normalised like ``number(_:)``.
    case phrase([String])
    /// A number, ASCII digits only: `44.123`, `N° 44123` and `#44123` all become `"44123"`.
    case number(String)
}

extension QueryAtom {
    /// The atom as written in ``SearchExpression/description``: `word`, `pre*`, `"a phrase"`, `#44123`.
    var canonicalText: String {
        switch self {
        case .word(let word): word
        case .prefix(let prefix): prefix + "*"
        case .phrase(let words): "\"" + words.joined(separator: " ") + "\""
        case .number(let digits): "#" + digits
        }
    }

    /// The text of a word or number, as it appears inside a phrase.
    var phraseWord: String {
        switch self {
        case .word(let text), .prefix(let text), .number(let text): text
        case .phrase(let words): words.joined(separator: " ")
        }
    }
}
