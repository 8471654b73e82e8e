import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// The workers' request log: one logfmt line per request carrying nginx's `$request_id`, reopened on USR1,
    /// and never a secret.
    @Suite struct RequestLogTests {
        @Test func everyRequestIsOneLogfmtLineWithNginxsRequestIDAndNoSecret() throws {
            var secrets = [
                "SECRET_KEY": "sk-" + Self.random(), "OPENAI_API_KEY": "oa-" + Self.random(),
                "database password": "pw" + Self.random(),
            ]
            // PostgreSQL with a password in the URL when it runs (trust authentication ignores it), else SQLite.
            var environment = [
                "SECRET_KEY": secrets["SECRET_KEY"]!, "OPENAI_API_KEY": secrets["OPENAI_API_KEY"]!,
                // A model endpoint that refuses connections: chat answers offline after logging the failure.
                "GACETACHAT_LLM_BASE_URL": "http://127.0.0.1:\(try Paths.freePort())/v1",
                "GACETACHAT_LLM_MODEL": "modelo",
            ]
            if let server = PostgresServer.shared {
                let url = try server.createDatabase()
                    .replacingOccurrences(of: "postgres@", with: "postgres:\(secrets["database password"]!)@")
                environment["GACETACHAT_DATABASE_URL"] = url
            }
            let stack = try Stack(workers: 2, environment: environment)
            defer { stack.stop() }
            stack.environment["GACETACHAT_LOG_FILE"] = stack.masterLogPath
            let binary = try Paths.binary()
            try Shell.run(binary, ["migrate"], environment: stack.poolEnvironment).expectSuccess("migrate")
            try Shell.run(binary, ["ingest", "\(Paths.repository)/conf/sample"], environment: stack.poolEnvironment)
                .expectSuccess("ingest")
            let token = try Shell.run(
                binary, ["admin", "token", "create", "--name", "ops"], environment: stack.poolEnvironment)
            try token.expectSuccess("admin token create")
            secrets["admin token"] = token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            try stack.start()

            let question = "¿Cuánto es el salario mínimo de las trabajadoras domésticas?"
            let chat = [
                "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", #"{"question":"\#(question)"}"#,
            ]
            let requests: [(method: String, path: String, extra: [String])] = [
                ("GET", "/health", []), ("GET", "/api/v1/search?q=salario+m%C3%ADnimo", []),
                ("GET", "/api/v1/search?q=%22sin+cerrar", []), ("GET", "/api/v1/nada", []),
                ("POST", "/api/v1/chat", chat),
                ("POST", "/api/v1/chat", chat + ["-H", "Accept: text/event-stream"]), ("HEAD", "/health", ["-I"]),
                (
                    "POST", "/api/v1/admin/reindex",
                    ["-X", "POST", "-H", "Authorization: Bearer \(secrets["admin token"]!)"]
                ),
                (
                    "POST", "/api/v1/admin/reindex",
                    ["-X", "POST", "-H", "Authorization: Bearer \(secrets["admin token"]!)x"]
                ),
            ]
            var seen: [(id: String, method: String, path: String, status: Int)] = []
            for request in requests {
                let response = try stack.get(request.path, request.extra)
                let id = try #require(response.headers["x-request-id"], "X-Request-Id on \(request.path)")
                #expect(id.count == 32 && id.allSatisfy(\.isHexDigit), "nginx's $request_id: \(id)")
                let path = String(request.path.prefix { $0 != "?" })
                seen.append((id, request.method, path, response.status))
            }
            #expect(Set(seen.map(\.status)) == [200, 400, 403, 404])
            #expect(Set(seen.map(\.id)).count == seen.count)

            let workers = stack.workerPids()
            let access = try String(contentsOfFile: "\(stack.directory)/nginx/access.log", encoding: .utf8)
            try waitUntil("every request logged") {
                seen.allSatisfy { stack.masterLog().contains("request_id=\($0.id)") }
            }
            let lines = stack.masterLog().split(separator: "\n").map(String.init)
            for request in seen {
                let matching = lines.filter { $0.contains("request_id=\(request.id)") }
                #expect(matching.count == 1, "one line for \(request.path): \(matching)")
                let line = try #require(matching.first)
                let fields = try #require(Self.logfmt(line), "logfmt: \(line)")
                #expect(fields["method"] == request.method)
                #expect(fields["path"] == request.path, "the path without its query string")
                #expect(fields["status"] == String(request.status))
                #expect(fields["level"] == "info")
                #expect(!request.path.hasPrefix("/api/v1/admin/") || fields["admin"] != nil, "admin actions say who")
                #expect(fields["time"].map { $0.hasSuffix("Z") && $0.count == 24 } == true)
                #expect(fields["duration_ms"].flatMap(Double.init) != nil)
                #expect(fields["pid"].flatMap(Int32.init).map(workers.contains) == true)
                #expect(access.contains("rid=\(request.id)"), "nginx logged the same id")
            }
            #expect(!stack.masterLog().contains("salario mínimo de las trabajadoras"), "no question text by default")

            // A conversation id is the key to a conversation: the log shows the route, not the id.
            let asked = try stack.get("/api/v1/chat", chat).json()
            let conversation = try #require(asked["conversation_id"] as? String)
            let read = try stack.get("/api/v1/conversations/\(conversation)")
            #expect(read.status == 200)
            let readID = try #require(read.headers["x-request-id"])
            try waitUntil("the read is logged") { stack.masterLog().contains("request_id=\(readID)") }
            let readLine = stack.masterLog().split(separator: "\n").first { $0.contains("request_id=\(readID)") }
            #expect(readLine.flatMap { Self.logfmt(String($0)) }?["path"] == "/api/v1/conversations/{id}")
            #expect(!stack.masterLog().contains(conversation), "no conversation id in the app's log")

            // logrotate: move the file, USR1 to the master; the workers' next lines go to the new file.
            let rotated = stack.masterLogPath + ".1"
            try FileManager.default.moveItem(atPath: stack.masterLogPath, toPath: rotated)
            stack.signalMaster(SIGUSR1)
            try waitUntil("the master reopened its log") { stack.masterLog().contains("USR1: reopened") }
            try waitUntil("the workers reopened theirs") {
                workers.allSatisfy {
                    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\($0)/fd/2"))
                        == stack.masterLogPath
                }
            }
            var afterRotation: [String] = []
            for _ in 0..<4 {
                let response = try stack.get("/api/v1/search?q=salario")
                afterRotation.append(try #require(response.headers["x-request-id"]))
            }
            try waitUntil("the new lines are in the new file") {
                afterRotation.allSatisfy { stack.masterLog().contains("request_id=\($0)") }
            }
            let old = try String(contentsOfFile: rotated, encoding: .utf8)
            #expect(afterRotation.allSatisfy { !old.contains($0) })

            let logs =
                [stack.masterLog(), old, access]
                + ["access.log", "error.log"].compactMap {
                    try? String(contentsOfFile: "\(stack.directory)/nginx/\($0)", encoding: .utf8)
                }
            for (name, secret) in secrets {
                #expect(logs.allSatisfy { !$0.contains(secret) }, "\(name) must not appear in any log")
            }
        }

        /// A logfmt line as a dictionary; nil when it does not parse.
        static func logfmt(_ line: String) -> [String: String]? {
            var fields: [String: String] = [:]
            var rest = Substring(line)
            while !rest.isEmpty {
                rest = rest.drop { $0 == " " }
                guard let equals = rest.firstIndex(of: "=") else { return rest.isEmpty ? fields : nil }
                let key = String(rest[..<equals])
                guard !key.isEmpty, !key.contains(" ") else { return nil }
                rest = rest[rest.index(after: equals)...]
                var value = ""
                if rest.first == "\"" {
                    rest = rest.dropFirst()
                    var escaped = false
                    while let character = rest.first {
                        rest = rest.dropFirst()
                        if escaped {
                            value.append(character == "n" ? "\n" : character)
                            escaped = false
                        } else if character == "\\" {
                            escaped = true
                        } else if character == "\"" {
                            break
                        } else {
                            value.append(character)
                        }
                    }
                } else {
                    value = String(rest.prefix { $0 != " " })
                    rest = rest.dropFirst(value.count)
                }
                fields[key] = value
            }
            return fields
        }

        static func random() -> String {
            (0..<4).map { _ in String(UInt32.random(in: .min ... .max), radix: 36) }.joined()
        }
    }
}
