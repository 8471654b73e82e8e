import Glibc

/// One e-mail as it goes out: RFC 5322 headers, a UTF-8 plain-text body in base64. Header values are ASCII
/// (the subject is RFC 2047-encoded) and CR or LF never reaches a header from a value, so nothing a user typed
/// can add a header.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: String
    public var subject: String
    public var text: String
    /// Extra headers (`List-Unsubscribe`, …): names and values in ASCII; CR and LF are removed.
    public var headers: [Header]
    /// Without angle brackets: `random@host`.
    public var messageID: String

    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(from: String, to: String, subject: String, text: String, headers: [Header] = [], messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.headers = headers
        self.messageID = messageID
    }

    /// The message with CRLF line ends, dated `now` (Unix seconds).
    public func rendered(now: Int64) -> [UInt8] {
        var lines: [String] = [
            "Date: \(Self.date(now))",
            "From: GacetaChat <\(Self.headerSafe(from))>",
            "To: <\(Self.headerSafe(to))>",
            "Subject: \(Self.encodedWords(subject))",
            "Message-ID: <\(Self.headerSafe(messageID))>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "Auto-Submitted: auto-generated",
        ]
        for header in headers {
            lines.append("\(Self.headerSafe(header.name)): \(Self.headerSafe(header.value))")
        }
        lines.append("")
        let body = Base64.encode(Array(text.utf8))
        var index = body.startIndex
        while index < body.endIndex {
            let end = body.index(index, offsetBy: 76, limitedBy: body.endIndex) ?? body.endIndex
            lines.append(String(body[index..<end]))
            index = end
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// ASCII printable only: CR, LF and anything else that could end or bend a header is dropped.
    static func headerSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 32 && $0.value < 127 }))
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words (each ≤ 75 characters, never splitting a character), or the text when it is
    /// plain ASCII.
    static func encodedWords(_ text: String) -> String {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : $0 }))
        if flat.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 }) { return flat }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in flat {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(Base64.encode(chunk))?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Base64.encode(chunk))?=") }
        return words.joined(separator: "\r\n ")
    }

    /// `Mon, 07 Dec 2026 01:02:03 +0000`.
    static func date(_ now: Int64) -> String {
        var seconds = time_t(now)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }
}

/// RFC 4648 base64.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    static func encode(_ bytes: [UInt8]) -> String {
        var output = ""
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let a = UInt32(bytes[index])
            let b = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let c = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let group = a << 16 | b << 8 | c
            output.append(alphabet[Int(group >> 18 & 63)])
            output.append(alphabet[Int(group >> 12 & 63)])
            output.append(index + 1 < bytes.count ? alphabet[Int(group >> 6 & 63)] : "=")
            output.append(index + 2 < bytes.count ? alphabet[Int(group & 63)] : "=")
            index += 3
        }
        return output
    }
}
