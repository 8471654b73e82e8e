import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 15, row 8: a search is bounded in time too. `[search] timeout` (here `GACETACHAT_SEARCH_TIMEOUT=1ms`)
    /// stops it (SQLite's progress handler, PostgreSQL's `statement_timeout`); the client gets 503
    /// `search_timeout` with `Retry-After: 2`, and the worker that ran it goes on serving.
    @Suite struct SearchTimeoutTests {
        @Test func aSearchPastTheTimeoutIs503OnSQLite() throws {
            let stack = try Stack(workers: 2, environment: ["GACETACHAT_SEARCH_TIMEOUT": "1ms"])
            defer { stack.stop() }
            try Self.expectTimeouts(on: stack)
        }

        @Test(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
        func aSearchPastTheTimeoutIs503OnPostgreSQL() throws {
            let server = try PostgresServer()
            defer { server.stop() }
            let stack = try Stack(
                workers: 2,
                environment: [
                    "GACETACHAT_SEARCH_TIMEOUT": "1ms", "GACETACHAT_DATABASE_URL": try server.createDatabase(),
                ])
            defer { stack.stop() }
            try Self.expectTimeouts(on: stack)
        }

        /// Ingests a large gazette (thousands of passages full of words starting with "de"), then searches `de*`.
        static func expectTimeouts(on stack: Stack) throws {
            let pdf = "\(stack.directory)/grande.pdf"
            try GazettePDF.write(to: pdf, number: 200, date: "2 de septiembre del 2024", firstPrinted: 1, pages: pages)
            try Shell.run(try Paths.binary(), ["ingest", pdf], environment: stack.poolEnvironment)
                .expectSuccess("ingest")
            try stack.start()
            let workers = stack.workerPids()

            for attempt in 1...4 {
                // A new query each time: nginx's cache must not answer.
                let result = try stack.get("/api/v1/search?q=de*+-zz\(attempt)&per_page=100")
                #expect(result.status == 503, "attempt \(attempt): \(result.body)")
                #expect(result.errorCode == "search_timeout", "attempt \(attempt): \(result.body)")
                #expect(result.headers["retry-after"] == "2", "attempt \(attempt): \(result.headers)")
            }
            // Not a search: no timeout applies, and the same workers answer.
            #expect(try stack.get("/api/v1/editions").status == 200)
            #expect(stack.workerPids() == workers, "no worker crashed or was restarted")
        }

        /// 60 pages of 400 words each, a third of them starting with "de", in seeded order.
        static let pages: [String] = {
            let words = [
                "decreto", "derecho", "desarrollo", "departamento", "deber", "demanda", "denuncia", "depósito",
                "ley", "artículo", "salud", "tránsito", "municipal", "contrato", "licitación", "público",
                "ministerio", "reglamento", "servicio", "comercio", "agua", "energía", "vivienda", "ambiente",
            ]
            var generator = SeededGenerator(seed: 15)
            return (0..<60).map { _ in
                (0..<40).map { _ in
                    (0..<10).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
                        + "."
                }.joined(separator: " ")
            }
        }()
    }
}
