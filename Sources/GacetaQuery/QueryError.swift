/// A query the user must rewrite; the message says what was wrong and how to write it.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// English text naming the problem and the accepted way to write it.
    public let message: String
    /// Character offset (0-based, counting user-perceived characters) the message points at, when there is one.
    public let position: Int?

    /// Creates an error; the parser builds these with the factories in `QueryError+Messages.swift`.
    public init(message: String, position: Int? = nil) {
        self.message = message
        self.position = position
    }

    public var description: String { message }
}
