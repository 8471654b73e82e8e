import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// `server.debug = true` adds the underlying error's description to a 500 (`error.detail`), as the INI comment
    /// promises; without it the client sees only the generic message (the detail is in the log either way).
    @Suite struct DebugDetailTests {
        private func detail(debug: Bool) throws -> (status: Int, detail: String?, log: String) {
            let stack = try Stack(workers: 1, environment: ["GACETACHAT_SERVER_DEBUG": debug ? "true" : "false"])
            defer { stack.stop() }
            try stack.start()
            let failed = try stack.get("/api/v1/testing/fail")
            let error = try failed.json()["error"] as? [String: Any]
            return (failed.status, error?["detail"] as? String, stack.masterLog())
        }

        @Test func aFiveHundredCarriesTheErrorsDescriptionOnlyWithServerDebug() throws {
            let shown = try detail(debug: true)
            #expect(shown.status == 500)
            #expect(shown.detail?.contains("testing failure") == true, "\(shown.detail ?? "no detail")")
            let hidden = try detail(debug: false)
            #expect(hidden.status == 500 && hidden.detail == nil)
            #expect(hidden.log.contains("testing failure"), "the log has it either way")
        }
    }
}
