import GacetaCore
import GacetaPostgres
import GacetaStore
import GacetaSystem
import Glibc

/// One backup: a gzip-compressed tar archive `gacetachat-YYYYMMDDTHHMMSS.mmmZ.tar.gz` holding `manifest` (what it
/// holds), the database (`database.sqlite3`, copied with SQLite's online backup API, or `database.pgdump`, from
/// `pg_dump -Fc`) and, when configured, the stored PDFs under `files/`.
struct BackupArchive {
    /// The store behind a `database.url`, and the archive member holding its database.
    enum StoreKind: String {
        case sqlite, postgresql

        init(url: String) {
            self = url.hasPrefix("sqlite:") ? .sqlite : .postgresql
        }

        var member: String { self == .sqlite ? "database.sqlite3" : "database.pgdump" }
        var name: String { self == .sqlite ? "SQLite" : "PostgreSQL" }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static let format = "gacetachat-backup 1"
    static let prefix = "gacetachat-"
    static let suffix = ".tar.gz"

    let databaseURL: String
    /// The stored PDFs, saved as `files/` (nil: none configured); absolute, because tar reads it after a `-C`
    /// into the staging directory.
    let filesDirectory: String?

    /// A relative `filesDirectory` (the default `var/files`) is taken from the working directory, as everywhere.
    init(databaseURL: String, filesDirectory: String?) {
        self.databaseURL = databaseURL
        self.filesDirectory = filesDirectory.map(Files.absolute)
    }

    var kind: StoreKind { StoreKind(url: databaseURL) }

    // MARK: - Backup

    /// Writes a new archive into `directory` (created if missing), then deletes all but the newest `keep`
    /// archives there. Returns the new archive's path and the paths deleted.
    func create(in directory: String, keep: Int) throws(Failure) -> (path: String, removed: [String]) {
        try Files.run(["mkdir", "-p", "--", directory], "create \(directory)")
        let staging = try Files.temporaryDirectory(in: directory, prefix: ".staging-")
        defer { Files.remove(staging) }

        let schemaVersion = try dumpDatabase(to: "\(staging)/\(kind.member)")
        var manifest = [
            "format=\(Self.format)", "created=\(Timestamp.now())", "store=\(kind.rawValue)",
            "schema_version=\(schemaVersion)",
        ]
        var arguments = ["tar", "-czf", "", "-C", staging, "manifest", kind.member]
        if let filesDirectory, Files.isDirectory(filesDirectory) {
            manifest.append("files=yes")
            // Members "./a.pdf" are stored as "files/a.pdf".
            arguments += ["--exclude=./.uploads", "--transform", "s,^\\.,files,", "-C", filesDirectory, "."]
        } else {
            manifest.append("files=no")
        }
        try Files.write(manifest.joined(separator: "\n") + "\n", to: "\(staging)/manifest")

        let path = "\(directory)/\(Self.prefix)\(Self.timestamp())\(Self.suffix)"
        let partial = "\(directory)/.\(Self.prefix)partial-\(getpid())\(Self.suffix)"
        arguments[2] = partial
        do {
            try Files.run(arguments, "write the archive")
            try Files.rename(partial, to: path)
        } catch {
            unlink(partial)
            throw error
        }
        return (path, try rotate(directory, keep: keep))
    }

    /// Copies the database into `path` (each store its own way); returns its schema version.
    private func dumpDatabase(to path: String) throws(Failure) -> Int {
        do {
            return try StoreFactory.open(url: databaseURL).dump(to: path)
        } catch {
            throw Failure("cannot back up \(PostgresURL.redacted(databaseURL)): \(error)")
        }
    }

    /// Deletes all but the newest `keep` archives in `directory` (only files named like ours).
    private func rotate(_ directory: String, keep: Int) throws(Failure) -> [String] {
        let archives = Self.archives(in: directory)
        return archives.dropLast(keep).map { name in
            let path = "\(directory)/\(name)"
            unlink(path)
            return path
        }
    }

    /// Names of the archives in `directory`, oldest first.
    static func archives(in directory: String) -> [String] {
        Files.names(in: directory).filter { name in
            name.hasPrefix(prefix) && name.hasSuffix(suffix)
                && name.dropFirst(prefix.count).dropLast(suffix.count).allSatisfy { $0.isNumber || "TZ.".contains($0) }
        }.sorted()
    }

    /// `20261125T010203.123Z`: UTC to the millisecond, so names sort by time and two backups never collide.
    static func timestamp() -> String { Timestamp.nowWithMilliseconds("%Y%m%dT%H%M%S") }

    // MARK: - Restore

    /// Brings `archive` back into the database (and the files directory). Refuses a database that holds anything,
    /// or a non-empty files directory, unless `force`. Returns a one-line summary.
    func restore(from archive: String, force: Bool) throws(Failure) -> String {
        guard access(archive, R_OK) == 0 else { throw Failure("cannot read \(archive): \(Files.lastError())") }
        let staging = try Files.temporaryDirectory(in: Files.temporaryRoot, prefix: "gacetachat-restore-")
        defer { Files.remove(staging) }
        try Files.run(["tar", "-xzf", archive, "-C", staging, "manifest"], "read the manifest of \(archive)")
        let manifest = Self.parseManifest(try Files.read("\(staging)/manifest"))
        guard manifest["format"] == Self.format, let stored = manifest["store"].flatMap(StoreKind.init(rawValue:))
        else { throw Failure("\(archive) is not a gacetachat backup (no valid manifest)") }
        guard stored == kind else {
            throw Failure(
                "\(archive) holds a \(stored.name) database but database.url (\(PostgresURL.redacted(databaseURL))) "
                    + "is \(kind.name); restore it into a \(stored.name) database")
        }
        let withFiles = manifest["files"] == "yes" && filesDirectory != nil

        let store: any Store
        let contents: StoreContents
        do {
            store = try StoreFactory.open(url: databaseURL)
            contents = try store.contents()
        } catch {
            throw Failure("cannot open \(PostgresURL.redacted(databaseURL)): \(error)")
        }
        if !force {
            guard contents.isEmpty else {
                throw Failure(
                    "refusing to restore: \(PostgresURL.redacted(databaseURL)) is not empty (\(contents)); "
                        + "pass --force to replace its content with the backup")
            }
            if withFiles, let filesDirectory, Files.names(in: filesDirectory).contains(where: { !$0.hasPrefix(".") }) {
                throw Failure(
                    "refusing to restore: the files directory \(filesDirectory) is not empty; "
                        + "pass --force to replace it with the backup's files")
            }
        }

        try Files.run(["tar", "-xzf", archive, "-C", staging, stored.member], "extract the database from \(archive)")
        let dump = "\(staging)/\(stored.member)"
        do {
            try store.restore(from: dump)
        } catch {
            throw Failure("restore failed: \(error)")
        }
        if withFiles, let filesDirectory { try restoreFiles(from: archive, into: filesDirectory) }

        let after = (try? StoreFactory.open(url: databaseURL).contents()).map { " (\($0))" } ?? ""
        let required = (try? store.schemaVersion().required) ?? 0
        var summary = "restored \(PostgresURL.redacted(databaseURL))\(after) from \(archive)"
        if let version = manifest["schema_version"].flatMap(Int.init), version < required {
            summary += "; its schema is at version \(version), this build needs \(required): run 'gacetachat migrate'"
        }
        return summary
    }

    /// Replaces `directory` with the archive's `files/`: extracted beside it, then swapped in by rename.
    private func restoreFiles(from archive: String, into directory: String) throws(Failure) {
        let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let parent = trimmed.contains("/") ? String(trimmed[..<(trimmed.lastIndex(of: "/") ?? trimmed.endIndex)]) : "."
        try Files.run(["mkdir", "-p", "--", parent.isEmpty ? "/" : parent], "create \(parent)")
        let incoming = try Files.temporaryDirectory(in: parent.isEmpty ? "/" : parent, prefix: ".files-restore-")
        defer { Files.remove(incoming) }
        try Files.run(
            ["tar", "-xzf", archive, "-C", incoming, "--strip-components=1", "files"], "extract the files of \(archive)"
        )
        let old = "\(trimmed).old-\(getpid())"
        let hadOld = Files.isDirectory(trimmed)
        if hadOld { try Files.rename(trimmed, to: old) }
        try Files.rename(incoming, to: trimmed)
        chmod(trimmed, 0o755)
        if hadOld { Files.remove(old) }
    }

    static func parseManifest(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }
}
