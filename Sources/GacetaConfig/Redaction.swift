import Foundation

/// Secrets kept out of everything printed: reports, configuration errors, log lines, libpq's messages.
public enum Redaction {
    /// `text` with the password of every URL in it shown as `***`: the user-info password
    /// (`scheme://user:secret@host`) and any `password=` parameter (libpq URIs and `key=value` strings alike).
    public static func redacted(_ text: String) -> String {
        redactedParameters(redactedUserInfo(text))
    }

    /// `scheme://user:secret@…` → `scheme://user:***@…`, for every `://` in `text`.
    private static func redactedUserInfo(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let scheme = rest.range(of: "://") {
            result += rest[..<scheme.upperBound]
            rest = rest[scheme.upperBound...]
            let authorityEnd = rest.firstIndex { "/?# \t\n'\"".contains($0) } ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                result += authority[..<colon] + ":***"
                rest = rest[at...]
            }
        }
        return result + rest
    }

    /// `password=secret` (case-insensitive, ended by `&`, a space or a quote) → `password=***`.
    private static func redactedParameters(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let key = rest.range(of: "password=", options: .caseInsensitive) {
            result += rest[..<key.upperBound] + "***"
            rest = rest[key.upperBound...]
            let quoted = rest.first == "'"
            if quoted { rest = rest.dropFirst() }
            rest = rest.drop { quoted ? $0 != "'" : !"& \t\n\"".contains($0) }
            if quoted { rest = rest.dropFirst() }
        }
        return result + rest
    }
}
