import GacetaCore
import GacetaPostgres
import GacetaStore
import GacetaSystem
import Glibc

/// One backup: a gzip-compressed tar archive `gacetachat-YYYYMMDDTHHMMSS.mmmZ.tar.gz` holding `manifest` (what it
/// holds, and the SHA-256 of every other file in it, checked by `restore`), the database (`database.sqlite3`, copied with SQLite's online backup API, or `database.pgdump`, from
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

    /// Version 2 adds the `sha256` lines; a version 1 archive (no checksums) is still restored.
    static let format = "gacetachat-backup 2"
    static let formats = ["gacetachat-backup 1", format]
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
        var checksums = try ArchiveCheck.manifestLines(directory: staging, files: [kind.member])
        if let filesDirectory, Files.isDirectory(filesDirectory) {
            manifest.append("files=yes")
            // Exactly the files whose checksums the manifest gives ("./a.pdf", stored as "files/a.pdf"), after
            // the directory itself (so that "files" is always a member).
            let files = Files.regularFiles(under: filesDirectory, skipHidden: true)
            checksums += try ArchiveCheck.manifestLines(directory: filesDirectory, files: files, memberPrefix: "files/")
            let list = "\(staging)/files.list"
            do {
                try AtomicFile.write((["."] + files.map { "./\($0)" }).flatMap { Array($0.utf8) + [0] }, to: list)
            } catch {
                throw Failure("cannot write \(list): \(error)")
            }
            arguments += [
                "--transform", "s,^\\.,files,", "-C", filesDirectory, "--no-recursion", "--null",
                "--verbatim-files-from", "-T", list,
            ]
        } else {
            manifest.append("files=no")
        }
        try Files.write((manifest + checksums).joined(separator: "\n") + "\n", to: "\(staging)/manifest")

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
        try ArchiveCheck.checkMembers(of: archive)
        // Beside the files directory when there is one, so that its new content is swapped in by a rename.
        let parent = filesDirectory.map(Self.parent) ?? Files.temporaryRoot
        try Files.run(["mkdir", "-p", "--", parent], "create \(parent)")
        let staging = try Files.temporaryDirectory(in: parent, prefix: ".gacetachat-restore-")
        defer { Files.remove(staging) }
        try Files.run(["tar", "-xzf", archive, "-C", staging, "manifest"], "read the manifest of \(archive)")
        let text = try Files.read("\(staging)/manifest")
        let manifest = Self.parseManifest(text)
        guard let format = manifest["format"], Self.formats.contains(format),
            let stored = manifest["store"].flatMap(StoreKind.init(rawValue:))
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

        try Files.run(["tar", "-xzf", archive, "-C", staging, "--no-same-owner"], "extract \(archive)")
        var unchecked = ""
        if format == Self.format {
            try ArchiveCheck.verify(staging, against: ArchiveCheck.checksums(in: text))
        } else {
            unchecked = " (an older backup without checksums: its files were not verified)"
        }
        do {
            try store.restore(from: "\(staging)/\(stored.member)")
        } catch {
            throw Failure("restore failed: \(error)")
        }
        if withFiles, let filesDirectory { try swapFiles(from: "\(staging)/files", into: filesDirectory) }

        let after = (try? StoreFactory.open(url: databaseURL).contents()).map { " (\($0))" } ?? ""
        let required = (try? store.schemaVersion().required) ?? 0
        var summary = "restored \(PostgresURL.redacted(databaseURL))\(after) from \(archive)\(unchecked)"
        if let version = manifest["schema_version"].flatMap(Int.init), version < required {
            summary += "; its schema is at version \(version), this build needs \(required): run 'gacetachat migrate'"
        }
        return summary
    }

    /// The directory holding `path` ("/" or "." at the top).
    private static func parent(of path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let parent = String(trimmed[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    /// Replaces `directory` with `incoming` (the archive's `files/`, extracted and checked beside it) by rename.
    private func swapFiles(from incoming: String, into directory: String) throws(Failure) {
        let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        if !Files.isDirectory(incoming) { try Files.run(["mkdir", "--", incoming], "create \(incoming)") }
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
