import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 15, files: the SQLite database and its `-wal` and `-shm` live in a 0700 directory of their own
    /// (created if missing), so the 0711 state directory exposes only `files/` to nginx, and are created 0640
    /// whatever the umask.
    @Suite struct DatabaseFileModesTests {
        @Test func theDatabaseIsCreated0640InA0700DirectoryWhateverTheUmask() throws {
            for umask in ["000", "077"] {
                let stack = try Stack(workers: 1)
                defer { stack.stop() }
                let directory = "\(stack.directory)/state/db"
                let database = "\(directory)/gacetachat.db"
                stack.environment["GACETACHAT_DATABASE_URL"] = "sqlite:\(database)"
                let pdf = "\(stack.directory)/g.pdf"
                try GazettePDF.write(
                    to: pdf, number: 170, date: "8 de agosto del 2024", firstPrinted: 1,
                    pages: ["La ley de tránsito se reforma."])
                try FileManager.default.createDirectory(
                    atPath: "\(stack.directory)/state", withIntermediateDirectories: false)
                try Shell.run(
                    "/bin/sh", ["-c", "umask \(umask) && exec \"$0\" ingest \"$1\"", try Paths.binary(), pdf],
                    environment: stack.poolEnvironment
                )
                .expectSuccess("ingest with umask \(umask)")
                #expect(try Self.mode(directory) == 0o700, "umask \(umask): \(directory)")
                #expect(try Self.mode(database) == 0o640, "umask \(umask): \(database)")

                // Workers hold the database open: -wal and -shm exist and share its mode.
                try stack.start()
                #expect(try stack.get("/api/v1/search?q=ley").status == 200)
                for suffix in ["", "-wal", "-shm"] {
                    #expect(try Self.mode(database + suffix) == 0o640, "umask \(umask): \(database + suffix)")
                }
                #expect(try Self.mode(directory) == 0o700)
            }
        }

        static func mode(_ path: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            return try #require(attributes[.posixPermissions] as? Int) & 0o7777
        }
    }
}
