import GacetaCore
import GacetaPostgres
import GacetaSQLite
import Glibc

/// Opens the store a `database.url` names: `sqlite:relative/path.db`, `sqlite:///absolute/path.db`, or a
/// libpq URI `postgresql://user@host/db` (`postgres://` too; a unix socket: `postgresql://u@/db?host=/run/postgresql`).
public enum StoreFactory {
    ///
    /// With `requireCurrentSchema` (a worker), a store whose schema is older than this build throws
    /// `.schemaOutdated`: a SQLite file at once; a PostgreSQL database on the first call after each connection,
    /// since the server may be down at start (the store then opens without it, and every call throws
    /// `.unavailable` until it answers). A search running past `searchTimeout` throws `.timedOut`.
    public static func open(
        url: String, requireCurrentSchema: Bool = false, searchTimeout: Duration? = nil
    ) throws(StoreError) -> any Store {
        if url.hasPrefix("sqlite:") {
            let path = sqlitePath(url)
            try checkDirectory(of: path, url: url)
            let store = try SQLiteStore(path: path)
            store.searchTimeout = searchTimeout
            if requireCurrentSchema { try checkSchema(of: store) }
            return store
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            let store = try PostgresStore(url: url)
            store.searchTimeout = searchTimeout
            if requireCurrentSchema {
                store.verifyAfterConnecting { [unowned store] () throws(StoreError) in try checkSchema(of: store) }
            }
            return store
        }
        throw StoreError(
            .unavailable,
            "database.url '\(url)' is not a database URL; use sqlite:var/db/gacetachat.db, sqlite:///abs/path.db or "
                + "postgresql://user@host/dbname")
    }

    /// Throws `.schemaOutdated` when the schema is older than this build needs. A newer one is fine: migrations
    /// only add (a released step never changes), so a running release keeps serving while an upgrade migrates.
    static func checkSchema(of store: any Store) throws(StoreError) {
        let version = try store.schemaVersion()
        guard version.current >= version.required else {
            throw StoreError(
                .schemaOutdated,
                "the database schema is at version \(version.current); this build needs \(version.required): "
                    + "run 'gacetachat migrate'")
        }
    }

    /// `sqlite:var/x.db` → `var/x.db`; `sqlite:///abs/x.db` → `/abs/x.db`.
    public static func sqlitePath(_ url: String) -> String {
        var path = String(url.dropFirst("sqlite:".count))
        if path.hasPrefix("//") { path.removeFirst(2) }
        return path
    }

    /// SQLite creates the file, not its directory. The database's own directory (`var/db/`, `/var/lib/gacetachat/db/`)
    /// is created 0700 when its parent exists, whatever the umask: the state directory above it is 0711 so that
    /// nginx reaches `files/`, and must not show it the database. Otherwise say plainly what is missing instead of
    /// "unable to open database file".
    private static func checkDirectory(of path: String, url: String) throws(StoreError) {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let parent = directory.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : directory
        if access(parent, F_OK) != 0, mkdir(parent, 0o700) == 0 {
            chmod(parent, 0o700)
        }
        guard access(parent, W_OK) == 0 else {
            let reason = access(parent, F_OK) == 0 ? "is not writable" : "does not exist"
            throw StoreError(.unavailable, "cannot open database \(url): directory '\(parent)' \(reason)")
        }
    }
}
