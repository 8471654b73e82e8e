import GacetaSystem

/// The password inside a libpq URI (`postgresql://user:secret@host/db`), kept out of messages and of the command
/// lines of `pg_dump`/`pg_restore` (where any local user could read it in /proc).
public enum PostgresURL {
    /// `postgresql://user:secret@host/db` → (`postgresql://user@host/db`, `secret`, percent-decoded); a URL
    /// without a password is returned unchanged with nil.
    /// A `password=` parameter is taken out of the query the same way.
    public static func separatingPassword(_ url: String) -> (url: String, password: String?) {
        var (plain, password) = (url, String?.none)
        if let parts = split(url) {
            (plain, password) = (parts.before + parts.after, percentDecoded(parts.password))
        }
        guard let question = plain.firstIndex(of: "?") else { return (plain, password) }
        var kept: [Substring] = []
        for item in plain[plain.index(after: question)...].split(separator: "&") {
            if item.lowercased().hasPrefix("password=") {
                password = percentDecoded(String(item.dropFirst("password=".count)))
            } else {
                kept.append(item)
            }
        }
        let base = String(plain[..<question])
        return (kept.isEmpty ? base : base + "?" + kept.joined(separator: "&"), password)
    }

    /// The URL with its password (user info or `password=` parameter) shown as `***`.
    public static func redacted(_ url: String) -> String { Redaction.redacted(url) }

    /// `before` ends with the user name, `after` starts at the `@`.
    private static func split(_ url: String) -> (before: String, password: String, after: String)? {
        let characters = Array(url)
        guard
            let scheme = (0..<max(0, characters.count - 2)).first(where: { String(characters[$0..<$0 + 3]) == "://" }),
            let at = characters[(scheme + 3)...].firstIndex(of: "@"),
            let colon = characters[(scheme + 3)..<at].firstIndex(of: ":")
        else { return nil }
        return (String(characters[..<colon]), String(characters[(colon + 1)..<at]), String(characters[at...]))
    }

    private static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
