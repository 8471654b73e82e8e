/// Secrets kept out of everything printed: reports, configuration errors, log lines, libpq's messages.
public enum Redaction {
    /// `text` with the password of every URL in it shown as `***`: the user-info password
    /// (`scheme://user:secret@host`) and any `password=` parameter (libpq URIs and `key=value` strings alike).
    public static func redacted(_ text: String) -> String {
        redactedParameters(redactedUserInfo(text))
    }

    /// `text` with every occurrence of `secret` (a password a message may echo bare) shown as `***`.
    public static func redacted(_ text: String, hiding secret: String) -> String {
        let needle = Array(secret.utf8)
        guard !needle.isEmpty else { return redacted(text) }
        var result: [UInt8] = []
        var rest = Array(text.utf8)[...]
        while let found = firstRange(of: needle, in: rest) {
            result += rest[..<found.lowerBound] + Array("***".utf8)
            rest = rest[found.upperBound...]
        }
        return redacted(String(decoding: result + rest, as: UTF8.self))
    }

    /// `scheme://user:secret@…` → `scheme://user:***@…`, for every `://` in `text`.
    private static func redactedUserInfo(_ text: String) -> String {
        var result: [UInt8] = []
        var rest = Array(text.utf8)[...]
        while let scheme = firstRange(of: Array("://".utf8), in: rest) {
            result += rest[..<scheme.upperBound]
            rest = rest[scheme.upperBound...]
            let authorityEnd = rest.firstIndex { Array("/?# \t\n'\"".utf8).contains($0) } ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: UInt8(ascii: "@")),
                let colon = authority[..<at].firstIndex(of: UInt8(ascii: ":"))
            {
                result += authority[..<colon] + Array(":***".utf8)
                rest = rest[at...]
            }
        }
        return String(decoding: result + rest, as: UTF8.self)
    }

    /// `password=secret` (case-insensitive, ended by `&`, a space or a quote; or `'quoted'`) → `password=***`.
    private static func redactedParameters(_ text: String) -> String {
        var result: [UInt8] = []
        var rest = Array(text.utf8)[...]
        while let key = firstRange(of: Array("password=".utf8), in: rest, caseInsensitive: true) {
            result += rest[..<key.upperBound] + Array("***".utf8)
            rest = rest[key.upperBound...]
            let quoted = rest.first == UInt8(ascii: "'")
            if quoted { rest = rest.dropFirst() }
            rest = rest.drop { quoted ? $0 != UInt8(ascii: "'") : !Array("& \t\n\"".utf8).contains($0) }
            if quoted { rest = rest.dropFirst() }
        }
        return String(decoding: result + rest, as: UTF8.self)
    }

    /// The first occurrence of `needle` (ASCII) in `haystack`, ignoring ASCII case when asked.
    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>, caseInsensitive: Bool = false)
        -> Range<Int>?
    {
        func folded(_ byte: UInt8) -> UInt8 {
            caseInsensitive && (65...90).contains(byte) ? byte + 32 : byte
        }
        guard haystack.count >= needle.count else { return nil }
        for start in haystack.startIndex...(haystack.endIndex - needle.count) {
            if needle.indices.allSatisfy({ folded(haystack[start + $0]) == folded(needle[$0]) }) {
                return start..<(start + needle.count)
            }
        }
        return nil
    }
}
