/// The absolute links of alert messages and pages, built from `server.public_url`.
public struct AlertLinks: Sendable {
    public let publicURL: String
    public let tokens: AlertTokens

    public init(publicURL: String, tokens: AlertTokens) {
        var url = publicURL
        while url.hasSuffix("/") { url.removeLast() }
        self.publicURL = url
        self.tokens = tokens
    }

    public func confirm(_ id: String, now: Int64) -> String {
        "\(publicURL)/api/v1/alerts/\(id)/confirm?t=\(tokens.token(.confirm, subject: id, now: now))"
    }

    public func unsubscribe(_ id: String, now: Int64) -> String {
        "\(publicURL)/api/v1/alerts/\(id)/unsubscribe?t=\(tokens.token(.unsubscribe, subject: id, now: now))"
    }

    public func manage(addressHash: String, now: Int64) -> String {
        "\(publicURL)/api/v1/alerts/manage?a=\(addressHash)&t=\(tokens.token(.manage, subject: addressHash, now: now))"
    }

    /// The web page's view of a notice's page.
    public func notice(documentID: Int64, page: Int) -> String {
        "\(publicURL)/#/documento/\(documentID)/pagina/\(page)"
    }

    /// The web page's search for `query`.
    public func search(_ query: String) -> String { Self.search(site: publicURL, query) }

    /// The web page's search for `query` on `site`.
    public static func search(site: String, _ query: String) -> String {
        "\(site)/#/buscar?q=\(percentEncoded(query))"
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986).
    public static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF")
                output += "%\(digits[Int(byte >> 4)])\(digits[Int(byte & 15)])"
            }
        }
        return output
    }
}
