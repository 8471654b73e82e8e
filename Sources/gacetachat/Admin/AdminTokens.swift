import GacetaCore
import GacetaCrypto

/// Admin API tokens: `gca_` and 64 random hex digits; the database keeps only their SHA-256.
enum AdminTokens {
    static let prefix = "gca_"

    static func generate() -> String { prefix + Digest.hex(Digest.randomBytes(32)) }

    /// Lower-case hex SHA-256 of the token, as stored.
    static func hash(_ token: String) -> String { Digest.hex(Digest.sha256(Array(token.utf8))) }

    /// The name of the stored token `presented` is. Its hash is compared with every stored hash in constant time
    /// (and every one is compared), so the answer's timing says nothing about how much of a guess was right.
    static func authenticate(_ presented: String, store: any StoreAdministration) throws(StoreError) -> String? {
        let digest = Array(hash(presented).utf8)
        var match: String?
        for token in try store.adminTokens() where Digest.constantTimeEqual(digest, Array(token.sha256.utf8)) {
            match = match ?? token.name
        }
        return match
    }
}
