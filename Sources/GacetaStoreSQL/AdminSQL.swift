/// SQL both stores share for the admin API (parameters are `?1…` in SQLite and `$1…` in PostgreSQL: `sql(_:)`
/// writes the PostgreSQL form).
public enum AdminSQL {
    /// Inserts nothing when the name or the hash is taken.
    public static let insertToken =
        "INSERT INTO admin_tokens (name, sha256, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING"
    public static let tokens = "SELECT name, sha256, created_at FROM admin_tokens ORDER BY id"
    public static let revokeToken = "DELETE FROM admin_tokens WHERE name = ?1"
    public static let documentsOfEdition = "SELECT id FROM documents WHERE edition_id = ?1 ORDER BY id"
    public static let edition = "SELECT id FROM editions WHERE id = ?1"
    public static let deleteEdition = "DELETE FROM editions WHERE id = ?1"
    public static let document = "SELECT id FROM documents WHERE id = ?1"

    /// `?N` → `$N`, for libpq.
    public static func postgres(_ sql: String) -> String { String(sql.map { $0 == "?" ? "$" : $0 }) }

    /// The message for a token whose name is already taken.
    public static func duplicateToken(_ name: String) -> String {
        "an admin token named '\(name)' exists already; revoke it first or choose another name"
    }
}
