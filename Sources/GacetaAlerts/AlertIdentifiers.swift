import GacetaCrypto

/// Random identifiers (subscription ids, message ids).
public enum AlertIdentifiers {
    /// `bytes` random bytes in hex.
    public static func random(_ bytes: Int) -> String { Digest.hex(Digest.randomBytes(bytes)) }

    /// A subscription id: 16 random bytes, 32 hex digits.
    public static func subscription() -> String { random(16) }

    /// Whether `text` could be a subscription id (so nothing else reaches a query or a log line).
    public static func isSubscriptionID(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
