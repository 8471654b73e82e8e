import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 15, row 8: `q=de*&page=10000&per_page=100` held a worker for 3.8 s. A search reads at most 1,000 hits
    /// deep (`(page − 1) × per_page + per_page ≤ 1000`, else 400 `page_too_deep`), and says whether its `total` is
    /// exact (`total_exact`; counted up to 10,000).
    @Suite struct BoundedSearchTests {
        @Test func deepPagesAreRefusedAndTotalsSayWhetherTheyAreExact() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            try GazettePDF.write(
                to: "\(stack.directory)/g.pdf", number: 170, date: "8 de agosto del 2024", firstPrinted: 1,
                pages: ["La ley de tránsito se reforma.", "Otra ley sobre el salario."])
            try Shell.run(
                try Paths.binary(), ["ingest", "\(stack.directory)/g.pdf"], environment: stack.poolEnvironment
            )
            .expectSuccess("ingest")
            try stack.start()

            for (path, status) in [
                ("/api/v1/search?q=de*&page=10000&per_page=100", 400),
                ("/api/v1/search?q=ley&page=11&per_page=100", 400),
                ("/api/v1/search?q=ley&page=101&per_page=10", 400), ("/api/v1/search?q=ley&page=10&per_page=100", 200),
                ("/api/v1/search?q=ley&page=100&per_page=10", 200),
            ] {
                let result = try stack.get(path)
                #expect(result.status == status, "\(path): \(result.body)")
                if status == 400 { #expect(result.errorCode == "page_too_deep", "\(path): \(result.body)") }
            }
            let found = try stack.get("/api/v1/search?q=ley").json()
            #expect(found["total"] as? Int == 2)
            #expect(found["total_exact"] as? Bool == true, "\(found)")
        }
    }
}
