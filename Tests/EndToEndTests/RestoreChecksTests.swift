import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 15, restore: `gacetachat restore` checks an archive before it changes anything. It refuses a member
    /// that is not a regular file or a directory (symlink, hard link, FIFO), an absolute path or `..`, a total over
    /// 20 × the archive's size (16 MiB for a small one), and an archive whose manifest (the SHA-256 of every file,
    /// written by `backup`) does not match; the untouched database then takes the genuine archive.
    @Suite struct RestoreChecksTests {
        private let scratch: String
        private var environment: [String: String]

        init() throws {
            scratch = try Paths.temporaryDirectory("restore-checks")
            environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GACETACHAT_") }
            environment["GACETACHAT_PROFILE"] = "testing"
            environment["GACETACHAT_CONFIG"] = "\(Paths.repository)/conf/gacetachat.ini"
            environment["GACETACHAT_LOG_LEVEL"] = "warning"
        }

        private func gacetachat(_ arguments: [String], site: String) throws -> CommandResult {
            var environment = environment
            environment["GACETACHAT_DATABASE_URL"] = "sqlite:\(scratch)/\(site).db"
            environment["GACETACHAT_STORAGE_FILES_DIR"] = "\(scratch)/\(site)-files"
            return try Shell.run(try Paths.binary(), arguments, environment: environment)
        }

        /// A genuine backup of one ingested edition, and its members extracted into `unpacked`.
        private func genuineBackup() throws -> (archive: String, unpacked: String) {
            try GazettePDF.write(
                to: "\(scratch)/gaceta-150.pdf", number: 150, date: "12 de agosto del 2024", firstPrinted: 1,
                pages: ["El Consejo Nacional de Salarios fija el salario mínimo de las trabajadoras domésticas."])
            try gacetachat(["ingest", "\(scratch)/gaceta-150.pdf"], site: "original").expectSuccess("ingest")
            let backup = try gacetachat(["backup", "--to", "\(scratch)/backups"], site: "original")
            try backup.expectSuccess("backup")
            let archive = backup.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let unpacked = "\(scratch)/unpacked"
            try FileManager.default.createDirectory(atPath: unpacked, withIntermediateDirectories: true)
            try Shell.run("tar", ["-xzf", archive, "-C", unpacked]).expectSuccess("tar -x")
            return (archive, unpacked)
        }

        /// An archive of `members` (paths relative to `directory`), with tar's `extra` options.
        private func archive(
            _ name: String, from directory: String, _ members: [String], extra: [String] = []
        ) throws -> String {
            let path = "\(scratch)/\(name).tar.gz"
            try Shell.run("tar", ["-czf", path] + extra + ["-C", directory] + members).expectSuccess("tar \(name)")
            return path
        }

        @Test func tamperedArchivesAreRefusedBeforeAnythingChanges() throws {
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let (genuine, unpacked) = try genuineBackup()
            let manager = FileManager.default
            let pdf = try #require(manager.subpaths(atPath: "\(unpacked)/files")?.first { $0.hasSuffix(".pdf") })
            let base = ["manifest", "database.sqlite3", "files"]
            var refused: [(name: String, archive: String, says: String)] = []

            // One byte more in the stored PDF: its SHA-256 no longer matches the manifest.
            let altered = "\(scratch)/altered"
            try Shell.run("cp", ["-a", unpacked, altered]).expectSuccess("cp")
            let handle = try #require(FileHandle(forWritingAtPath: "\(altered)/files/\(pdf)"))
            handle.seekToEndOfFile()
            handle.write(Data("x".utf8))
            handle.closeFile()
            refused.append(("checksum", try archive("checksum", from: altered, base), "files/\(pdf)"))

            // A symlink, a hard link and a FIFO among the files.
            for (kind, says) in [("symlink", "symbolic link"), ("hardlink", "hard link"), ("fifo", "FIFO")] {
                let copy = "\(scratch)/\(kind)"
                try Shell.run("cp", ["-a", unpacked, copy]).expectSuccess("cp")
                let evil = "\(copy)/files/evil.pdf"
                switch kind {
                case "symlink": try manager.createSymbolicLink(atPath: evil, withDestinationPath: "/etc/passwd")
                case "hardlink": try manager.linkItem(atPath: "\(copy)/files/\(pdf)", toPath: evil)
                default: try Shell.run("mkfifo", [evil]).expectSuccess("mkfifo")
                }
                refused.append((kind, try archive(kind, from: copy, base), says))
            }

            // An absolute member, and one that climbs out with `..`.
            let outside = "\(scratch)/evil.txt"
            try Data("evil".utf8).write(to: URL(fileURLWithPath: outside))
            let absolute = try archive("absolute", from: unpacked, base + [outside], extra: ["-P"])
            refused.append(("absolute", absolute, outside))
            let climbing = "\(scratch)/climbing"
            try Shell.run("cp", ["-a", unpacked, climbing]).expectSuccess("cp")
            try Data("evil".utf8).write(to: URL(fileURLWithPath: "\(climbing)/evil-climb"))
            let dotDot = try archive(
                "dotdot", from: climbing, base + ["evil-climb"],
                extra: ["--transform", "s,^evil-climb,files/../../evil-climb,"])
            refused.append(("dotdot", dotDot, "files/../../evil-climb"))

            // 32 MiB of zeroes: far more than 20 times the archive's size (and than a small archive's 16 MiB).
            let bomb = "\(scratch)/bomb"
            try Shell.run("cp", ["-a", unpacked, bomb]).expectSuccess("cp")
            try Data(count: 32 << 20).write(to: URL(fileURLWithPath: "\(bomb)/files/zeroes.pdf"))
            refused.append(("expansion", try archive("bomb", from: bomb, base), "20 times"))

            for (name, path, says) in refused {
                let restore = try gacetachat(["restore", path], site: "target")
                #expect(restore.status != 0, "\(name): the archive was restored: \(restore.output)")
                #expect(restore.stderr.contains("refusing"), "\(name): \(restore.output)")
                #expect(restore.stderr.contains(says), "\(name): \(restore.output)")
            }
            #expect(!manager.fileExists(atPath: "\(scratch)/target-files/evil.pdf"))
            #expect(!manager.fileExists(atPath: "\(scratch)/evil-climb"))

            // Nothing was restored: the genuine archive goes in without --force.
            let restore = try gacetachat(["restore", genuine], site: "target")
            #expect(restore.status == 0, "\(restore.output)")
            let search = try gacetachat(["search", "--json", "salario mínimo"], site: "target")
            #expect(search.stdout.contains("\"total\":1"), "\(search.output)")
        }
    }
}
