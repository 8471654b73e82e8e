/// An error that chooses its own HTTP status and public message (the model: Hummingbird's `HTTPResponseError`).
/// The router asks any error it catches for these; an error that does not conform becomes a 500 whose details go
/// only to the log.
public protocol HTTPResponseError: Error {
    /// The HTTP status, e.g. 404 or 503.
    var status: Int { get }
    /// A stable machine-readable code, e.g. `not_found`.
    var code: String { get }
    /// A sentence for the person who sent the request: what was wrong. Never internal detail.
    var publicMessage: String { get }
    /// Headers to add to the error response (`Retry-After`, `Allow`, `WWW-Authenticate`).
    var headers: [(String, String)] { get }
    /// Whether the error holds detail the client does not see, which then goes to the log.
    var hasInternalDetail: Bool { get }
}

extension HTTPResponseError {
    public var headers: [(String, String)] { [] }
    public var hasInternalDetail: Bool { true }
}

extension HTTPError: HTTPResponseError {
    public var publicMessage: String { message }
    public var hasInternalDetail: Bool { false }
}

extension StoreError: HTTPResponseError {
    /// An unavailable database is a 503 the client may retry; a query the store cannot run a 400; any other failure
    /// a 500.
    public var status: Int {
        switch kind {
        case .unavailable, .schemaOutdated, .timedOut: 503
        case .invalidQuery: 400
        case .failed: 500
        }
    }

    public var code: String {
        switch kind {
        case .unavailable, .schemaOutdated: "database_unavailable"
        case .invalidQuery: "invalid_query"
        case .timedOut: "search_timeout"
        case .failed: HTTPError.internalError.code
        }
    }

    public var publicMessage: String {
        switch kind {
        case .unavailable, .schemaOutdated: "the database is unavailable right now; try again shortly"
        case .invalidQuery: "this search cannot be run; simplify it"
        case .timedOut: "this search took too long; narrow it (more words, a date range) or try again"
        case .failed: HTTPError.internalError.message
        }
    }

    public var headers: [(String, String)] {
        switch kind {
        case .unavailable, .schemaOutdated: [("Retry-After", "5")]
        case .timedOut: [("Retry-After", "2")]
        case .invalidQuery, .failed: []
        }
    }
}
