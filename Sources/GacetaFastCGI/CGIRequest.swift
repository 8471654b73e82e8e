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
        let (path, query) = pathAndQuery(parameters)
        guard path.hasPrefix("/") else {
            throw .badRequest("the request path must start with '/'")
        }
        // Malformed escapes are refused here, for every route, before any handler runs.
        _ = try QueryString.parse(query)
        var headers = Headers()
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) where name.hasPrefix("HTTP_") {
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

    /// `DOCUMENT_URI` is nginx's normalised path; `REQUEST_URI` is what the client sent.
    private static func pathAndQuery(_ parameters: [String: String]) -> (String, String) {
        let query = parameters["QUERY_STRING"] ?? ""
        if let uri = parameters["REQUEST_URI"], !uri.isEmpty {
            let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : query)
        }
        return (parameters["DOCUMENT_URI"] ?? parameters["SCRIPT_NAME"] ?? "/", query)
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
