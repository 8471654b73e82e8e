@preconcurrency import CSQLite
import GacetaCore
import GacetaStoreSQL
import Glibc

extension SQLiteStore {
    public func contents() throws(StoreError) -> StoreContents {
        guard try schemaVersion().current > 0 else { return StoreContents(editions: 0, documents: 0, conversations: 0) }
        return try connection.call { () throws(StoreError) -> StoreContents in
            let statement = try connection.prepare(BackupSQL.contents)
            _ = try statement.step()
            return StoreContents(
                editions: statement.int(0), documents: statement.int(1), conversations: statement.int(2))
        }
    }

    /// `backup(to:)`, then the copy's schema version.
    public func dump(to path: String) throws(StoreError) -> Int {
        try backup(to: path)
        return try schemaVersion().current
    }

    /// Copies the whole database into a new file at `path` with SQLite's online backup API, in one step: in WAL
    /// mode that is one read transaction, so the copy is consistent and the pool's readers and writers go on.
    /// The copy is a single self-contained file (rollback journal mode, no `-wal` beside it).
    public func backup(to path: String) throws(StoreError) {
        guard access(path, F_OK) != 0 else { throw StoreError(.failed, "backup: \(path) already exists") }
        let destination = try SQLiteConnection(path: path)
        try Self.copy(from: connection, to: destination, describing: "backup to \(path)")
        try destination.execute("PRAGMA journal_mode = DELETE")
    }

    /// Replaces this database's content with the database file at `path`, with the same backup API (so
    /// processes that have it open see the restored data on their next transaction).
    public func restore(from path: String) throws(StoreError) {
        guard access(path, R_OK) == 0 else { throw StoreError(.failed, "restore: cannot read \(path)") }
        let source = try SQLiteConnection(path: path)
        try Self.copy(from: source, to: connection, describing: "restore from \(path)")
    }

    private static func copy(
        from source: SQLiteConnection, to destination: SQLiteConnection, describing what: String
    ) throws(StoreError) {
        // Each connection's statements are reset before (nothing is left stepped between calls) and after.
        try source.call { () throws(StoreError) in
            try destination.call { () throws(StoreError) in
                try copyPages(from: source, to: destination, describing: what)
            }
        }
    }

    private static func copyPages(
        from source: SQLiteConnection, to destination: SQLiteConnection, describing what: String
    ) throws(StoreError) {
        guard let backup = sqlite3_backup_init(destination.handle, "main", source.handle, "main") else {
            throw SQLiteConnection.error(sqlite3_errcode(destination.handle), "\(what): \(destination.lastError)")
        }
        // Another connection may hold a lock the copy needs: wait for it, as the busy timeout would.
        var status = sqlite3_backup_step(backup, -1)
        var retries = 0
        while (status == SQLITE_OK || status == SQLITE_BUSY || status == SQLITE_LOCKED) && retries < 1000 {
            if status != SQLITE_OK {
                retries += 1
                usleep(10_000)
            }
            status = sqlite3_backup_step(backup, -1)
        }
        let finished = sqlite3_backup_finish(backup)
        guard status == SQLITE_DONE, finished == SQLITE_OK else {
            throw SQLiteConnection.error(status == SQLITE_DONE ? finished : status, "\(what): \(destination.lastError)")
        }
    }
}
