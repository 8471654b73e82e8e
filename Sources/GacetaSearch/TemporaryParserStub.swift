// TEMPORARY stand-in until the real parser lands.
import GacetaCore
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let position: Int?
    public var description: String { message }
}
public enum SearchQueryParser {
    public static func parse(_ text: String, isStopword: (String) -> Bool = { _ in false }) throws(QueryError)
        -> SearchExpression
    {
        let words = text.lowercased().split(separator: " ").map(String.init)
        if words.isEmpty { throw QueryError(message: "empty query", position: nil) }
        return SearchExpression(required: words.map { [.word($0)] })
    }
}
