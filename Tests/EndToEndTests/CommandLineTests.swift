import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// The binary run as an operator runs it: output and exit codes.
    @Suite struct CommandLineTests {
        private func environment(_ extra: [String: String]) -> [String: String] {
            var env = ProcessInfo.processInfo.environment.filter {
                !$0.key.hasPrefix("GACETACHAT_")
                    && !["SECRET_KEY", "DATABASE_URL", "LOG_LEVEL", "OPENAI_API_KEY"].contains($0.key)
            }
            env["GACETACHAT_CONFIG"] = "\(Paths.repository)/conf/gacetachat.ini"
            for (key, value) in extra { env[key] = value }
            return env
        }

        @Test func configCheckShowsValuesAndTheirSourcesWithSecretsRedacted() throws {
            let secret = "s3cr3t-" + String(repeating: "x", count: 40)
            let result = try Shell.run(
                try Paths.binary(), ["config", "check", "--profile", "production", "--set", "pool.workers=5"],
                environment: environment(["SECRET_KEY": secret]))
            #expect(result.status == 0, "\(result.output)")
            #expect(result.stdout.contains("production"))
            #expect(result.stdout.contains("--set pool.workers=5"))
            #expect(result.stdout.contains("SECRET_KEY"))
            #expect(result.stdout.contains("fingerprint: sha256:"))
            #expect(!result.output.contains(secret))
        }

        @Test func productionRefusesToStartWithoutASecretKey() throws {
            let result = try Shell.run(
                try Paths.binary(), ["serve", "--profile", "production"], environment: environment([:]))
            #expect(result.status != 0)
            #expect(result.stderr.contains("secret_key"))
            #expect(result.stderr.contains("SECRET_KEY"))
        }

        @Test func aBadConfigLineNamesFileAndLine() throws {
            let directory = try Paths.temporaryDirectory("conf")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let file = "\(directory)/bad.ini"
            try "[pool]\n; comment\nwokers = 3\n".write(toFile: file, atomically: true, encoding: .utf8)
            let result = try Shell.run(try Paths.binary(), ["serve", "--config", file], environment: environment([:]))
            #expect(result.status == 78)
            #expect(result.stderr.contains("\(file):3"), "\(result.stderr)")
            #expect(result.stderr.contains("workers"))
            let check = try Shell.run(
                try Paths.binary(), ["config", "check", "--config", file], environment: environment([:]))
            #expect(check.status != 0)
            #expect(check.stderr.contains("\(file):3"))
        }

        @Test func aWorkerThatCannotBootStopsThePoolWithAClearError() throws {
            // Production does not migrate by itself: a database nobody migrated fails the workers' boot.
            let directory = try Paths.temporaryDirectory("boot")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let result = try Shell.run(
                try Paths.binary(),
                [
                    "serve", "--profile", "production", "--workers", "2", "--listen", "unix:\(directory)/pool.sock",
                    "--set", "server.socket_owner=", "--set", "server.socket_group=",
                ],
                environment: environment([
                    "SECRET_KEY": String(repeating: "k", count: 40), "DATABASE_URL": "sqlite:\(directory)/new.db",
                ]))
            #expect(result.status == 1, "\(result.output)")
            #expect(result.stderr.contains("run 'gacetachat migrate'"), "\(result.stderr)")
            #expect(result.stderr.contains("stopping the pool instead of respawning it"))
            // It stopped instead of looping: no more boot failures than the first workers.
            #expect(result.stderr.components(separatedBy: "while booting").count - 1 <= 2)
            #expect(!FileManager.default.fileExists(atPath: "\(directory)/pool.sock"))
        }

        @Test func anUnreachableDatabaseIsAClearErrorAtStart() throws {
            let result = try Shell.run(
                try Paths.binary(), ["serve", "--profile", "testing"],
                environment: environment(["DATABASE_URL": "sqlite:/nonexistent-dir/db/x.db"]))
            #expect(result.status != 0)
            #expect(result.stderr.contains("directory '/nonexistent-dir/db' does not exist"))
        }

        @Test func aWorkerRunsAloneUnderSpawnFcgi() throws {
            let directory = try Paths.temporaryDirectory("spawn")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let socket = "\(directory)/worker.sock"
            let workerEnvironment = environment([
                "GACETACHAT_PROFILE": "testing", "GACETACHAT_DATABASE_URL": "sqlite:\(directory)/test.db",
            ])
            let migrated = try Shell.run(try Paths.binary(), ["migrate"], environment: workerEnvironment)
            #expect(migrated.status == 0, "\(migrated.output)")
            #expect(migrated.stdout.contains("schema version"))
            let spawner = Process()
            spawner.executableURL = URL(fileURLWithPath: try Shell.resolve("spawn-fcgi"))
            spawner.arguments = ["-n", "-s", socket, "-M", "0600", "--", try Paths.binary(), "worker"]
            spawner.environment = workerEnvironment
            spawner.standardOutput = FileHandle.nullDevice
            try spawner.run()
            defer {
                spawner.terminate()
                spawner.waitUntilExit()
            }
            // The socket file appears at bind(), a moment before listen(): retry until a request is answered.
            var answer: (status: Int, body: String)?
            try waitUntil("the worker answers") {
                answer = try? FastCGIClient.get("/health", socket: socket)
                return answer != nil
            }
            let response = try #require(answer)
            #expect(response.status == 200)
            #expect(response.body.contains("\"pid\":\(spawner.processIdentifier)"))
            // QUIT: a graceful stop of an idle worker ends it at once.
            kill(spawner.processIdentifier, SIGQUIT)
            try waitUntil("the worker exits on QUIT") { !spawner.isRunning }
            #expect(spawner.terminationStatus == 0)
        }

        @Test func theSystemdUnitPassesVerification() throws {
            let result = try Shell.run("\(Paths.repository)/scripts/verify-systemd", [try Paths.binary()])
            #expect(result.status == 0, "\(result.output)")
        }
    }
}
