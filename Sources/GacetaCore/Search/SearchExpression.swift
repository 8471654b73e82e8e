// TEMPORARY: replaced by the query parser's types.
public struct SearchExpression: Sendable, Equatable {
    public var required: [[QueryAtom]]
    public var excluded: [QueryAtom]
    public var droppedStopwords: [String]
    public init(required: [[QueryAtom]], excluded: [QueryAtom] = [], droppedStopwords: [String] = []) {
        self.required = required
        self.excluded = excluded
        self.droppedStopwords = droppedStopwords
    }
}
public enum QueryAtom: Sendable, Equatable {
    case word(String)
    case prefix(String)
    case phrase([String])
    case number(String)
}
