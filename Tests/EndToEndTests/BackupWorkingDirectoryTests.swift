import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 15, row 9: `gacetachat backup` with the default development configuration failed with
    /// `tar: var/files: Cannot open`: the relative `storage.files_dir` was read by tar after its `-C` into the
    /// staging directory. Here every path is the default, relative one, and the commands run in a working
    /// directory that is neither the repository nor the test's.
    @Suite struct BackupWorkingDirectoryTests {
        private func environment() -> [String: String] {
            var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GACETACHAT_") }
            environment["GACETACHAT_PROFILE"] = "development"
            environment["GACETACHAT_CONFIG"] = "\(Paths.repository)/conf/gacetachat.ini"
            environment["GACETACHAT_LOG_LEVEL"] = "warning"
            return environment
        }

        private func gacetachat(_ arguments: [String], in directory: String) throws -> CommandResult {
            try Shell.run(try Paths.binary(), arguments, environment: environment(), currentDirectory: directory)
        }

        @Test func backupAndRestoreWorkWithTheDefaultRelativePathsFromAnotherDirectory() throws {
            let scratch = try Paths.temporaryDirectory("backup-cwd")
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let site = "\(scratch)/site"
            let elsewhere = "\(scratch)/elsewhere"
            for directory in [site, elsewhere] {  // with var/, as `make run` leaves it
                try FileManager.default.createDirectory(atPath: "\(directory)/var", withIntermediateDirectories: true)
            }
            try GazettePDF.write(
                to: "\(scratch)/gaceta-150.pdf", number: 150, date: "12 de agosto del 2024", firstPrinted: 1,
                pages: ["El Consejo Nacional de Salarios fija el salario mínimo de las trabajadoras domésticas."])
            try gacetachat(["ingest", "\(scratch)/gaceta-150.pdf"], in: site).expectSuccess("ingest")
            let stored = FileManager.default.subpaths(atPath: "\(site)/var/files")?.filter { $0.hasSuffix(".pdf") }
            #expect(stored?.count == 1, "ingest kept the PDF under the relative var/files: \(stored ?? [])")

            let backup = try gacetachat(["backup"], in: site)
            #expect(backup.status == 0, "\(backup.output)")
            let printed = backup.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let archive = printed.hasPrefix("/") ? printed : "\(site)/\(printed)"
            #expect(archive.hasPrefix("\(site)/var/backups/gacetachat-"), "in the relative backup.dir: \(printed)")
            let members = try Shell.run("tar", ["-tzf", archive]).stdout.split(separator: "\n")
            #expect(members.contains { $0.hasPrefix("files/") && $0.hasSuffix(".pdf") }, "\(members)")

            // Restored into another working directory's default paths, it searches the same.
            let restore = try gacetachat(["restore", archive], in: elsewhere)
            #expect(restore.status == 0, "\(restore.output)")
            let restoredFiles = FileManager.default.subpaths(atPath: "\(elsewhere)/var/files")?.filter {
                $0.hasSuffix(".pdf")
            }
            #expect(restoredFiles == stored)
            let before = try gacetachat(["search", "--json", "salario mínimo"], in: site)
            let after = try gacetachat(["search", "--json", "salario mínimo"], in: elsewhere)
            #expect(before.status == 0 && before.stdout.contains("\"total\":1"), "\(before.output)")
            #expect(after.stdout == before.stdout, "\(after.output)")
        }
    }
}
