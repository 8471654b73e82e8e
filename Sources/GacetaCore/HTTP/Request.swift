/// An HTTP request as a handler sees it: no FastCGI, no sockets.
public struct Request: Sendable {
    /// Upper-case method, e.g. `GET`.
    public var method: String
    /// The path without the query string, as nginx matched it (`DOCUMENT_URI`): percent-decoded, dot segments
    /// resolved (see `RequestPath`).
    public var path: String
    /// The raw query string, without the leading `?`.
    public var rawQuery: String
    public var headers: Headers
    public var body: [UInt8]
    /// The client address nginx saw (`REMOTE_ADDR`).
    public var remoteAddress: String
    /// nginx's `$request_id`, when it passes one; used to correlate nginx and worker logs.
    public var requestID: String?

    public init(
        method: String, path: String, rawQuery: String = "", headers: Headers = Headers(), body: [UInt8] = [],
        remoteAddress: String = "", requestID: String? = nil
    ) {
        self.method = method
        self.path = path
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.requestID = requestID
    }

    /// The decoded query parameters, in order; repeated names keep every value.
    /// Throws a 400 error for malformed percent-encoding.
    public func queryItems() throws(HTTPError) -> [(name: String, value: String)] {
        try QueryString.parse(rawQuery)
    }

    /// The first value of the query parameter `name`, decoded.
    public func query(_ name: String) throws(HTTPError) -> String? {
        try queryItems().first { $0.name == name }?.value
    }
}
