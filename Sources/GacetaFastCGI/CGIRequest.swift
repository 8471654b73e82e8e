import GacetaCore

/// Turns the CGI/1.1 parameters nginx sends over FastCGI into a `Request` (without its body).
/// Pure: no libfcgi here, so it is tested directly.
public enum CGIRequest {
    /// The request line and headers, plus the body length the client announced.
    public struct Head: Sendable {
        public var request: Request
        /// `CONTENT_LENGTH`, when present.
        public var contentLength: Int?
    }

    public static func parse(_ parameters: [String: String]) throws(HTTPError) -> Head {
        let method = (parameters["REQUEST_METHOD"] ?? "GET").uppercased()
        guard !method.isEmpty, method.utf8.allSatisfy({ isTokenByte($0) }) else {
            throw .badRequest("malformed request method")
        }
        let (path, query) = try pathAndQuery(parameters)
        guard path.hasPrefix("/") else {
            throw .badRequest("the request path must start with '/'")
        }
        // Malformed escapes are refused here, for every route, before any handler runs.
        _ = try QueryString.parse(query)
        var headers = Headers()
        for (name, value) in parameters.filter({ $0.key.hasPrefix("HTTP_") }).sorted(by: { $0.key < $1.key }) {
            headers.add(headerName(fromCGI: name.dropFirst(5)), value)
        }
        if let type = parameters["CONTENT_TYPE"], !type.isEmpty { headers.add("Content-Type", type) }
        var contentLength: Int?
        if let raw = parameters["CONTENT_LENGTH"], !raw.isEmpty {
            guard let length = Int(raw), length >= 0 else {
                throw .badRequest("malformed Content-Length '\(raw.prefix(40))': expected a non-negative integer")
            }
            contentLength = length
        }
        let request = Request(
            method: method, path: path, rawQuery: query, headers: headers,
            remoteAddress: parameters["REMOTE_ADDR"] ?? "", requestID: parameters["REQUEST_ID"])
        return Head(request: request, contentLength: contentLength)
    }

    /// The path is the one nginx matched, `DOCUMENT_URI` (decoded and normalised, see `RequestPath`); the raw
    /// target in `REQUEST_URI` must read as that same path, else 400. Without `DOCUMENT_URI` (no nginx), the raw
    /// path decoded segment by segment. The query string is `REQUEST_URI`'s, as the client sent it.
    private static func pathAndQuery(_ parameters: [String: String]) throws(HTTPError) -> (String, String) {
        var query = parameters["QUERY_STRING"] ?? ""
        var raw: Substring?
        if let uri = parameters["REQUEST_URI"], !uri.isEmpty {
            let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            raw = parts[0]
            if parts.count > 1 { query = String(parts[1]) }
        }
        if let matched = parameters["DOCUMENT_URI"], !matched.isEmpty {
            if let raw, try RequestPath.normalised(raw) != matched {
                throw HTTPError(
                    status: 400, code: "path_mismatch",
                    message: "the request path '\(raw.prefix(100))' does not read as the path '\(matched.prefix(100))'")
            }
            return (matched, query)
        }
        guard let raw else { return (parameters["SCRIPT_NAME"] ?? "/", query) }
        return (try RequestPath.decodedSegments(raw), query)
    }

    /// `ACCEPT_LANGUAGE` → `Accept-Language`.
    static func headerName(fromCGI name: Substring) -> String {
        name.split(separator: "_").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: "-")
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_")
    }
}
