/// A query the user must rewrite; the message says what was wrong and how to write it.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// English text naming the problem and the accepted way to write it.
    public let message: String
    /// Character offset (0-based, counting user-perceived characters) the message points at, when there is one.
    public let position: Int?
    /// The query is too long or has too many terms (a 400 `query_too_long` in the API), rather than malformed.
    public let isTooLong: Bool

    /// Creates an error; the parser builds these with the factories in `QueryError+Messages.swift`.
    public init(message: String, position: Int? = nil, isTooLong: Bool = false) {
        self.message = message
        self.position = position
        self.isTooLong = isTooLong
    }

    public var description: String { message }
}
