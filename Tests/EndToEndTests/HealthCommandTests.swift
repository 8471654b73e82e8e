import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// `gacetachat health`, the containers' health check, against a real pool on a real PostgreSQL.
    @Suite struct HealthCommandTests {
        @Test(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
        func readinessFollowsTheDatabaseWhileLivenessFollowsTheMaster() throws {
            let server = try PostgresServer()
            defer { server.stop() }
            let stack = try EndToEnd.PostgresOutageTests.stackWithOneGazette(on: server)
            defer { stack.stop() }
            try stack.start()
            let environment = stack.poolEnvironment

            let ready = try Shell.run(try Paths.binary(), ["health"], environment: environment)
            #expect(ready.status == 0, "\(ready.output)")
            #expect(ready.stdout.hasPrefix("200 "))
            #expect(ready.stdout.contains("\"database\":\"ok\""))
            let alive = try Shell.run(try Paths.binary(), ["health", "--liveness"], environment: environment)
            #expect(alive.status == 0, "\(alive.output)")
            #expect(alive.stdout.contains("\"total processes\""), "the master's status page answered")

            try server.halt()
            let notReady = try Shell.run(try Paths.binary(), ["health"], environment: environment)
            #expect(notReady.status == 1)
            #expect(notReady.stdout.hasPrefix("503 "))
            let stillAlive = try Shell.run(try Paths.binary(), ["health", "--liveness"], environment: environment)
            #expect(stillAlive.status == 0, "a database outage must not fail liveness: \(stillAlive.output)")
        }

        @Test func aPoolThatIsNotListeningFailsNamingItsSocket() throws {
            let directory = try Paths.temporaryDirectory("health")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let socket = "\(directory)/absent.sock"
            let result = try Shell.run(
                try Paths.binary(), ["health", "--listen", "unix:\(socket)", "--profile", "testing", "--timeout", "2"])
            #expect(result.status == 1)
            #expect(result.stderr.contains(socket), "\(result.output)")
        }

        @Test func aListenThatIsNotAnAddressIsAUsageError() throws {
            let result = try Shell.run(try Paths.binary(), ["health", "--listen", "nowhere"])
            #expect(result.status == 64)
            #expect(result.stderr.contains("--listen 'nowhere'"), "\(result.output)")
        }
    }
}
