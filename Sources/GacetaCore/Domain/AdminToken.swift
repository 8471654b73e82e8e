/// A token for the admin API, as stored: its name and the SHA-256 of its secret (never the secret itself).
public struct AdminToken: Sendable, Equatable {
    public var name: String
    /// Lower-case hex SHA-256 of the token.
    public var sha256: String
    /// ISO 8601 UTC.
    public var createdAt: String

    public init(name: String, sha256: String, createdAt: String) {
        self.name = name
        self.sha256 = sha256
        self.createdAt = createdAt
    }
}
