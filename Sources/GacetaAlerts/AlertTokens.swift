import GacetaCrypto

/// The HMACs behind alert links and the do-not-mail list, keyed by `server.secret_key`.
///
/// A token is `EXPIRY.MAC`: the expiry in Unix seconds and `HMAC-SHA256(key, "PURPOSE|SUBJECT|EXPIRY")` in hex, so
/// a token for one purpose (confirm) or one subscription never works for another.
public struct AlertTokens: Sendable {
    public enum Purpose: String, Sendable {
        /// The confirmation link; the subject is the subscription id.
        case confirm
        /// The unsubscribe link of every alert message; the subject is the subscription id.
        case unsubscribe
        /// The management page of an address; the subject is the address's hash.
        case manage

        /// How long a token stays valid.
        public var lifetime: Int64 {
            switch self {
            case .confirm: 7 * 86_400
            case .unsubscribe, .manage: 90 * 86_400
            }
        }
    }

    private let key: [UInt8]

    public init(secretKey: String) {
        key = Array(secretKey.utf8)
    }

    /// `HMAC-SHA256(key, lowercased address)` in hex.
    public func addressHash(_ address: String) -> String {
        Digest.hex(Digest.hmacSHA256(key: key, message: Array(address.lowercased().utf8)))
    }

    public func token(_ purpose: Purpose, subject: String, now: Int64) -> String {
        let expiry = now + purpose.lifetime
        return "\(expiry).\(mac(purpose, subject: subject, expiry: expiry))"
    }

    /// Whether `token` was made for this purpose and subject and has not expired at `now`.
    public func verify(_ token: String, _ purpose: Purpose, subject: String, now: Int64) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let expiry = Int64(parts[0]), expiry >= now, parts[1].count == 64 else { return false }
        let expected = Array(mac(purpose, subject: subject, expiry: expiry).utf8)
        return Digest.constantTimeEqual(expected, Array(parts[1].utf8))
    }

    private func mac(_ purpose: Purpose, subject: String, expiry: Int64) -> String {
        Digest.hex(Digest.hmacSHA256(key: key, message: Array("\(purpose.rawValue)|\(subject)|\(expiry)".utf8)))
    }
}
