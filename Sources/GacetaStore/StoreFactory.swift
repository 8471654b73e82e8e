import GacetaCore
import Glibc

/// Opens the store a `database.url` names: `sqlite:relative/path.db`, `sqlite:///absolute/path.db`, or a
/// libpq URI `postgresql://user@host/db` (`postgres://` too; a unix socket: `postgresql://u@/db?host=/run/postgresql`).
public enum StoreFactory {
    public static func open(url: String) throws(StoreError) -> any Store {
        if url.hasPrefix("sqlite:") {
            let path = sqlitePath(url)
            try checkDirectory(of: path, url: url)
            return try SQLiteStore(path: path)
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            return try PostgresStore(url: url)
        }
        throw StoreError(
            .unavailable,
            "database.url '\(url)' is not a database URL; use sqlite:var/gacetachat.db, sqlite:///abs/path.db or "
                + "postgresql://user@host/dbname")
    }

    /// `sqlite:var/x.db` → `var/x.db`; `sqlite:///abs/x.db` → `/abs/x.db`.
    public static func sqlitePath(_ url: String) -> String {
        var path = String(url.dropFirst("sqlite:".count))
        if path.hasPrefix("//") { path.removeFirst(2) }
        return path
    }

    /// SQLite creates the file, not its directory: say so plainly instead of "unable to open database file".
    private static func checkDirectory(of path: String, url: String) throws(StoreError) {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let parent = directory.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : directory
        guard access(parent, W_OK) == 0 else {
            let reason = access(parent, F_OK) == 0 ? "is not writable" : "does not exist"
            throw StoreError(.unavailable, "cannot open database \(url): directory '\(parent)' \(reason)")
        }
    }
}
