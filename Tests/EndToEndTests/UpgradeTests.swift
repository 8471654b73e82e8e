import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// The README's upgrade: the new build migrates while the old release serves, then a reload.
    @Suite struct UpgradeTests {
        @Test func workersBootAndReloadOnASchemaNewerThanTheirOwn() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            let binary = try Paths.binary()
            try Shell.run(binary, ["migrate"], environment: stack.poolEnvironment).expectSuccess("migrate")
            let database = "\(stack.directory)/test.db"
            // As if the next release had added a step (migrations only add).
            try Shell.run(
                "sqlite3", [database, "INSERT INTO schema_migrations VALUES (999, '2030-01-01T00:00:00Z')"]
            ).expectSuccess("sqlite3")
            try stack.start()
            #expect(try stack.get("/health").status == 200)
            let workers = stack.workerPids()
            stack.signalMaster(SIGHUP)
            try waitUntil("a new generation replaced the old one") {
                let now = stack.workerPids()
                return now.count == 2 && now.isDisjoint(with: workers)
            }
            #expect(try stack.get("/health").status == 200)
        }
    }
}
