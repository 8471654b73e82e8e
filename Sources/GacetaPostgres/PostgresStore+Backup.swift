import GacetaCore
import GacetaStoreSQL
import GacetaSystem

extension PostgresStore {
    public func contents() throws(StoreError) -> StoreContents {
        guard try schemaVersion().current > 0 else { return StoreContents(editions: 0, documents: 0, conversations: 0) }
        let result = try connection.query(BackupSQL.contents)
        return StoreContents(editions: result.int(0, 0), documents: result.int(0, 1), conversations: result.int(0, 2))
    }

    /// `pg_dump --format=custom` of the whole database into `path`.
    public func dump(to path: String) throws(StoreError) -> Int {
        let version = try schemaVersion().current
        try runTool(["pg_dump", "--format=custom", "--no-owner", "--file", path])
        return version
    }

    /// `pg_restore` of a `dump` in one transaction, replacing what the database holds.
    public func restore(from path: String) throws(StoreError) {
        try runTool(
            [
                "pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                "--exit-on-error", "--dbname",
            ], then: [path])
    }

    /// Runs `pg_dump`/`pg_restore` with the URL (without its password: that goes in `PGPASSWORD`) after
    /// `arguments`, with libpq's own variables (`PG…`, and `HOME` for `~/.pgpass`) from ours.
    private func runTool(_ arguments: [String], then rest: [String] = []) throws(StoreError) {
        let (plainURL, password) = PostgresURL.separatingPassword(url)
        var environment = Spawn.currentEnvironment().filter { $0.key.hasPrefix("PG") || $0.key == "HOME" }
        if let password { environment["PGPASSWORD"] = password }
        do {
            try ProcessRunner.runSucceeding(arguments + [plainURL] + rest, environment: environment)
        } catch {
            throw StoreError(.failed, "cannot \(arguments[0]): \(error)")
        }
    }
}
