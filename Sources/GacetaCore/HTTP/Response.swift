/// What a handler answers; the FastCGI layer turns it into a CGI response.
public struct Response: Sendable {
    public var status: Int
    public var headers: Headers
    public var body: [UInt8]

    public init(status: Int = 200, headers: Headers = Headers(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
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

    /// The `{"error":{"code","message"}}` body every API error uses.
    public static func error(_ error: HTTPError) -> Response {
        var response = json(ErrorBody(error: .init(code: error.code, message: error.message)), status: error.status)
        for (name, value) in error.headers { response.headers.add(name, value) }
        return response
    }

    private struct ErrorBody: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
        }
        let error: Detail
    }
}
