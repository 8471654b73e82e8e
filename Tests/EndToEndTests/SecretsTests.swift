import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 15, row 10: `DATABASE_URL=postgresql://u:pw@host/db gacetachat config check` printed the password.
    /// It is redacted wherever printed: the report, configuration errors (environment, file, flag), the pool's
    /// log lines and libpq's messages; `config check` shows the secret key only as a fingerprint.
    @Suite struct SecretsTests {
        static let password = "s3cr3tPW"
        static let secretKey = "k3y-" + String(repeating: "x", count: 40)

        private func gacetachat(_ arguments: [String], _ extra: [String: String], in directory: String) throws
            -> CommandResult
        {
            var environment = Paths.testingEnvironment(directory: directory)
            // GACETACHAT_DATABASE_URL would win over DATABASE_URL: the conventional name is the one tested here.
            if extra["DATABASE_URL"] != nil { environment["GACETACHAT_DATABASE_URL"] = nil }
            for (key, value) in extra { environment[key] = value }
            return try Shell.run(try Paths.binary(), arguments, environment: environment)
        }

        @Test func theDatabasePasswordNeverReachesOutputOrLogs() throws {
            let scratch = try Paths.temporaryDirectory("secrets")
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let unreachable = "postgresql://gacetachat:\(Self.password)@127.0.0.1:1/gacetachat"
            let inQuery = "postgresql://gacetachat@127.0.0.1:1/gacetachat?password=\(Self.password)"
            var outputs: [(String, CommandResult)] = []
            for url in [unreachable, inQuery] {
                let check = try gacetachat(
                    ["config", "check"], ["DATABASE_URL": url, "SECRET_KEY": Self.secretKey], in: scratch)
                #expect(check.status == 0, "\(check.output)")
                #expect(check.stdout.contains("database.url") || check.stdout.contains("url "), "\(check.stdout)")
                #expect(check.stdout.contains("fingerprint"), "the secret key's fingerprint: \(check.stdout)")
                outputs.append(("config check \(url)", check))
                outputs.append(("search", try gacetachat(["search", "ley"], ["DATABASE_URL": url], in: scratch)))
                outputs.append(("migrate", try gacetachat(["migrate"], ["DATABASE_URL": url], in: scratch)))
            }
            let invalid = "postgresql://gacetachat:\(Self.password)@127.0.0.1:1/gacetachat?hots=x"
            outputs.append(
                ("invalid env", try gacetachat(["config", "check"], ["DATABASE_URL": invalid], in: scratch)))
            outputs.append(
                (
                    "invalid flag",
                    try gacetachat(["config", "check", "--set", "database.url=\(invalid)"], [:], in: scratch)
                ))
            let file = "\(scratch)/bad.ini"
            try "[database]\nurl = \(invalid)\n".write(toFile: file, atomically: true, encoding: .utf8)
            outputs.append(
                ("invalid file", try gacetachat(["config", "check"], ["GACETACHAT_CONFIG": file], in: scratch)))
            for (name, result) in outputs {
                #expect(!result.output.contains(Self.password), "\(name) printed the password:\n\(result.output)")
                #expect(!result.output.contains(Self.secretKey), "\(name) printed the secret key")
            }
            #expect(outputs.last?.1.output.contains("bad.ini:2") == true, "\(outputs.last?.1.output ?? "")")

            // The pool starts while the database is down (503) and logs why, without the password.
            let stack = try Stack(workers: 1, environment: ["GACETACHAT_DATABASE_URL": unreachable])
            defer { stack.stop() }
            try stack.start(healthStatus: 503)
            #expect(stack.masterLog().contains("127.0.0.1"), "\(stack.masterLog())")
            #expect(!stack.masterLog().contains(Self.password), "\(stack.masterLog())")
        }
    }
}
