/// An error that reaches HTTP: it chooses its own status and public message.
/// Any other error becomes a 500 whose details go only to the log.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public let status: Int
    /// A stable machine-readable code, e.g. `not_found`.
    public let code: String
    /// A sentence for the person who sent the request: what was wrong.
    public let message: String
    public var headers: [(String, String)] = []

    public init(status: Int, code: String, message: String, headers: [(String, String)] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status) \(code): \(message)" }

    public static func == (lhs: HTTPError, rhs: HTTPError) -> Bool {
        lhs.status == rhs.status && lhs.code == rhs.code && lhs.message == rhs.message
    }

    public static func badRequest(_ message: String) -> HTTPError {
        HTTPError(status: 400, code: "bad_request", message: message)
    }

    public static func notFound(_ message: String) -> HTTPError {
        HTTPError(status: 404, code: "not_found", message: message)
    }

    public static func methodNotAllowed(_ method: String, path: String, allowed: [String]) -> HTTPError {
        let list = allowed.joined(separator: ", ")
        return HTTPError(
            status: 405, code: "method_not_allowed",
            message: "\(method) is not allowed on \(path); use \(list)", headers: [("Allow", list)])
    }

    public static func payloadTooLarge(length: Int, limit: Int) -> HTTPError {
        HTTPError(
            status: 413, code: "payload_too_large",
            message: "the request body has \(length) bytes; the limit is \(limit) bytes")
    }

    public static let internalError = HTTPError(
        status: 500, code: "internal_error", message: "the server failed to answer this request; it has been logged")
}
