import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// nginx's fastcgi_cache in front of search and editions, and its per-client search limit.
    @Suite struct CacheAndRateLimitTests {
        @Test func searchesAndEditionsAreServedFromTheCacheUntilAnIngestShowsUpAndErrorsNever() throws {
            let stack = try Stack(workers: 2, environment: ["GACETACHAT_SERVER_CACHE_TTL": "2s"])
            defer { stack.stop() }
            let binary = try Paths.binary()
            try GazettePDF.write(
                to: "\(stack.directory)/g1.pdf", number: 160, date: "6 de agosto del 2024", firstPrinted: 1,
                pages: ["La CCSS adjudica la compra de medicamentos oncológicos."])
            try Shell.run(binary, ["ingest", "\(stack.directory)/g1.pdf"], environment: stack.poolEnvironment)
                .expectSuccess("ingest")
            try stack.start()

            for path in ["/api/v1/search?q=medicamentos", "/api/v1/editions", "/api/v1/editions/2024-08-06"] {
                let first = try stack.get(path)
                #expect(first.status == 200)
                #expect(first.headers["x-cache-status"] == "MISS", "\(path): \(first.headers)")
                #expect(first.headers["x-accel-expires"] == nil, "nginx keeps X-Accel-Expires to itself")
                let second = try stack.get(path)
                #expect(second.headers["x-cache-status"] == "HIT", "\(path): \(second.headers)")
                #expect(second.body == first.body)
            }
            let served = stack.masterLog().components(separatedBy: "path=/api/v1/search ").count - 1
            #expect(served == 1, "the HIT never reached a worker")

            // Errors are never cached; other routes are not cached at all.
            for _ in 0..<2 {
                let error = try stack.get("/api/v1/search?q=%22sin+cerrar")
                #expect(error.status == 400)
                #expect(error.headers["x-cache-status"] == "MISS")
            }
            #expect(try stack.get("/health").headers["x-cache-status"] == nil)

            // An ingest shows up once the entry expires (server.cache_ttl), without restarting anything.
            try GazettePDF.write(
                to: "\(stack.directory)/g2.pdf", number: 161, date: "7 de agosto del 2024", weekday: "Miércoles",
                firstPrinted: 1, pages: ["El Ministerio de Salud registra medicamentos genéricos."])
            try Shell.run(binary, ["ingest", "\(stack.directory)/g2.pdf"], environment: stack.poolEnvironment)
                .expectSuccess("ingest")
            var fresh: HTTPResult?
            try waitUntil("the search shows the new edition", timeout: 20) {
                fresh = try? stack.get("/api/v1/search?q=medicamentos")
                return (try? fresh?.json()["total"] as? Int) == 2
            }
            #expect(["MISS", "EXPIRED"].contains(fresh?.headers["x-cache-status"] ?? ""))
            #expect(try stack.get("/api/v1/search?q=medicamentos").headers["x-cache-status"] == "HIT")
        }

        @Test func searchesPastTheRateLimitGetAJSON429() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            try stack.start()
            // One curl, one HTTP/2 connection, 80 searches back to back: past burst 20 at 30 r/s.
            let url = "https://127.0.0.1:\(stack.httpsPort)/api/v1/search?q=salario"
            let result = try Shell.run(
                "curl",
                ["-sS", "--cacert", stack.caPath, "-w", "##%{http_code}##\n"] + Array(repeating: url, count: 80))
            try result.expectSuccess("curl")
            let answers = result.stdout.components(separatedBy: "##\n").filter { !$0.isEmpty }.map { answer in
                let parts = answer.components(separatedBy: "##")
                return (body: parts.first ?? "", status: Int(parts.last ?? "") ?? 0)
            }
            #expect(answers.count == 80)
            #expect(answers.prefix(20).allSatisfy { $0.status == 200 }, "the burst passes")
            let limited = answers.filter { $0.status == 429 }
            #expect(!limited.isEmpty, "statuses: \(answers.map(\.status))")
            #expect(answers.allSatisfy { $0.status == 200 || $0.status == 429 })
            let body = try #require(limited.first?.body)
            let error = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            #expect((error?["error"] as? [String: Any])?["code"] as? String == "too_many_requests", "\(body)")
            #expect(try stack.get("/health").status == 200, "other routes are not limited")
        }
    }
}
