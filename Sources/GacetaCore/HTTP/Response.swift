/// What a handler answers; the FastCGI layer turns it into a CGI response.
public struct Response {
    /// Writes one piece of a streamed body and flushes it to the client; false once the client has gone.
    public typealias StreamWriter = (String) -> Bool

    public var status: Int
    public var headers: Headers
    public var body: [UInt8]
    /// A body produced while the response is being sent (server-sent events): called after the headers,
    /// with a writer that flushes each piece. `body` is ignored when this is set.
    public var stream: ((StreamWriter) -> Void)?
    /// The route pattern that answered (`/api/v1/documents/{id}`), set by ``Router``; for metrics.
    public var route: String?
    /// The path holds a secret (a conversation id): the request log shows ``route`` instead (set by ``Router``).
    public var pathIsSecret = false
    /// Extra `name=value` fields for this request's log line (never secrets).
    public var logFields: [(name: String, value: String)] = []

    public init(status: Int = 200, headers: Headers = Headers(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A `text/event-stream` response; `X-Accel-Buffering: no` makes nginx pass each event on at once.
    public static func eventStream(_ produce: @escaping (StreamWriter) -> Void) -> Response {
        var headers = Headers()
        headers.add("Content-Type", "text/event-stream; charset=utf-8")
        headers.add("Cache-Control", "no-store")
        headers.add("X-Accel-Buffering", "no")
        var response = Response(status: 200, headers: headers)
        response.stream = produce
        return response
    }

    /// One server-sent event: `event: NAME` and its data, each line prefixed with `data: `.
    public static func event(_ name: String, _ data: [UInt8]) -> String {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }
        return "event: \(name)\n" + lines.joined(separator: "\n") + "\n\n"
    }

    /// A JSON response from pre-encoded bytes.
    public static func json(_ bytes: [UInt8], status: Int = 200) -> Response {
        var headers = Headers()
        headers.add("Content-Type", "application/json; charset=utf-8")
        return Response(status: status, headers: headers, body: bytes)
    }

    /// A JSON response encoding `value`.
    public static func json<T: Encodable>(_ value: T, status: Int = 200) -> Response {
        json(JSON.encode(value), status: status)
    }

    /// The `{"error":{"code","message"}}` body every API error uses; `detail` (the underlying error's description)
    /// only when `server.debug` is on, outside production.
    public static func error(_ error: any HTTPResponseError, detail: String? = nil) -> Response {
        var response = json(
            ErrorBody(error: .init(code: error.code, message: error.publicMessage, detail: detail)),
            status: error.status)
        for (name, value) in error.headers { response.headers.add(name, value) }
        return response
    }

    private struct ErrorBody: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let detail: String?
        }
        let error: Detail
    }
}
