import GacetaCore

/// Serialises a `Response` as a CGI response (`Status:` header, headers, blank line, body).
public enum CGIResponse {
    public static func head(of response: Response) -> String {
        var text = "Status: \(response.status) \(HTTPStatus.reason(response.status))\r\n"
        var hasLength = false
        for (name, value) in response.headers {
            // A header value must never end the header block early.
            var clean = value
            if clean.utf8.contains(where: { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }) {
                clean.unicodeScalars.removeAll { $0 == "\r" || $0 == "\n" }
            }
            text += name + ": " + clean + "\r\n"
            if name.utf8.count == 14 && name.lowercased() == "content-length" { hasLength = true }
        }
        if !hasLength && response.stream == nil { text += "Content-Length: \(response.body.count)\r\n" }
        text += "\r\n"
        return text
    }
}
