/// A parsed search query: what must match, what must not, and which stopwords were left out.
public struct SearchExpression: Sendable, Equatable, CustomStringConvertible {
    /// All groups must match; a group matches when any of its atoms does (one atom = a plain required term).
    public var required: [[QueryAtom]]
    /// Documents matching any of these atoms are left out.
    public var excluded: [QueryAtom]
    /// Plain required words dropped because the stopword predicate matched them, in query order.
    public var droppedStopwords: [String]

    /// Creates an expression; ``SearchQueryParser/parse(_:isStopword:)`` is the usual way to get one.
    public init(required: [[QueryAtom]], excluded: [QueryAtom] = [], droppedStopwords: [String] = []) {
        self.required = required
        self.excluded = excluded
        self.droppedStopwords = droppedStopwords
    }

    /// Canonical text: required groups in order, then exclusions, e.g. `salario "zona franca" (a OR b) pre* #44123 -c`.
    ///
    /// Numbers are written `#44123`; dropped stopwords are not shown.
    public var description: String {
        let groups = required.map { group in
            group.count == 1
                ? group[0].canonicalText
                : "(" + group.map(\.canonicalText).joined(separator: " OR ") + ")"
        }
        let exclusions = excluded.map { "-" + $0.canonicalText }
        return (groups + exclusions).joined(separator: " ")
    }
}
