import GacetaCrypto
import GacetaSystem
import Glibc

/// What `restore` checks in an archive before it changes anything: its members (listed by `tar -tv`) are regular
/// files or directories, inside the target (no absolute path, no `..`), and add up to at most
/// `maximumExpansion` times the archive's size (or `smallArchiveAllowance`: a nearly empty SQLite file compresses
/// far better than that); once extracted, every file's SHA-256 is the one the manifest
/// (written by `backup`) gives it, and no file is missing or added.
enum ArchiveCheck {
    static let maximumExpansion = 20
    static let smallArchiveAllowance = 16 << 20

    /// One line of `tar -tvzf --numeric-owner`: `-rw-r--r-- 0/0  1234 2026-12-07 00:51 files/a.pdf`.
    struct Member: Equatable {
        /// tar's type letter: `-` regular file, `d` directory, `l` symbolic link, `h` hard link, `p` FIFO,
        /// `c`/`b` devices.
        var type: Character
        var size: Int
        var name: String

        init?(listing line: Substring) {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, let type = fields[0].first else { return nil }
            self.type = type
            size = Int(fields[2]) ?? 0  // a device's "major,minor" is refused by its type
            name = String(fields[5])
        }

        var kind: String {
            switch type {
            case "-": "regular file"
            case "d": "directory"
            case "l": "symbolic link"
            case "h": "hard link"
            case "p": "FIFO"
            case "c": "character device"
            case "b": "block device"
            default: "member of type '\(type)'"
            }
        }
    }

    /// Lists `archive` and refuses it when a member is not a regular file or directory, leaves the target, or
    /// the members add up to more than `maximumExpansion` times the archive's size.
    static func checkMembers(of archive: String) throws(BackupArchive.Failure) {
        let listing: ProcessRunner.Output
        do {
            listing = try ProcessRunner.runSucceeding(["tar", "-tvzf", archive, "--numeric-owner"])
        } catch {
            throw BackupArchive.Failure("cannot list \(archive): \(error)")
        }
        var total = 0
        for line in String(decoding: listing.stdout, as: UTF8.self).split(separator: "\n") {
            guard let member = Member(listing: line) else {
                throw BackupArchive.Failure("refusing to restore: cannot read tar's listing line '\(line)'")
            }
            guard member.type == "-" || member.type == "d" else {
                throw BackupArchive.Failure(
                    "refusing to restore: \(member.name) in \(archive) is a \(member.kind), "
                        + "not a regular file or a directory")
            }
            guard !member.name.hasPrefix("/"), !member.name.split(separator: "/").contains("..") else {
                throw BackupArchive.Failure(
                    "refusing to restore: \(member.name) in \(archive) would be written outside the target")
            }
            total += member.size
        }
        var info = stat()
        let size = stat(archive, &info) == 0 ? Int(info.st_size) : 0
        guard total <= max(maximumExpansion * size, smallArchiveAllowance) else {
            throw BackupArchive.Failure(
                "refusing to restore: \(archive) expands to \(total) bytes, more than \(maximumExpansion) times "
                    + "its size (\(size) bytes)")
        }
    }

    /// The manifest's `sha256 HEX MEMBER` lines.
    static func checksums(in manifest: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in manifest.split(separator: "\n") where line.hasPrefix("sha256 ") {
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            if fields.count == 3 { result[String(fields[2])] = String(fields[1]) }
        }
        return result
    }

    /// The manifest lines for `files` (paths relative to `directory`, as members: `files/a.pdf`).
    static func manifestLines(
        directory: String, files: [String], memberPrefix: String = ""
    ) throws(BackupArchive.Failure) -> [String] {
        var lines: [String] = []
        for file in files {
            lines.append("sha256 \(try sha256(of: "\(directory)/\(file)")) \(memberPrefix)\(file)")
        }
        return lines
    }

    /// Refuses `directory` (an extracted archive) unless its files are exactly the manifest's, with its digests.
    static func verify(_ directory: String, against checksums: [String: String]) throws(BackupArchive.Failure) {
        let present = Files.regularFiles(under: directory).filter { $0 != "manifest" }
        for file in present {
            guard let expected = checksums[file] else {
                throw BackupArchive.Failure("refusing to restore: \(file) is not in the archive's manifest")
            }
            guard try sha256(of: "\(directory)/\(file)") == expected else {
                throw BackupArchive.Failure(
                    "refusing to restore: the SHA-256 of \(file) does not match the archive's manifest")
            }
        }
        if let missing = Set(checksums.keys).subtracting(present).sorted().first {
            throw BackupArchive.Failure("refusing to restore: \(missing), in the archive's manifest, is missing")
        }
    }

    static func sha256(of path: String) throws(BackupArchive.Failure) -> String {
        do {
            return Digest.hex(try Digest.sha256(fileAt: path))
        } catch {
            throw BackupArchive.Failure("cannot read \(path): \(error)")
        }
    }
}
