/// What the scanner finds at the top level of a query: a term, or the `OR` operator between terms.
enum QueryItem: Equatable {
    case term(QueryTerm)
    case or(position: Int)
}

/// One written term: a word, number, prefix or phrase, possibly excluded.
///
/// A hyphenated identifier such as `44123-MP` is one term with several parts.
struct QueryTerm: Equatable {
    /// One atom, or the word and number parts of a hyphenated identifier.
    var parts: [QueryAtom]
    var excluded: Bool
    /// Where the term starts in the input, including its `-`.
    var position: Int

    /// The term as a single atom: hyphenated parts become a phrase, so `44123-MP` stays one alternative.
    var singleAtom: QueryAtom {
        parts.count == 1 ? parts[0] : .phrase(parts.map(\.phraseWord))
    }
}
