import GacetaCore
import Logging
import Testing

import Foundation

/// Log lines a test reads back (the router's logger is passed in, never bootstrapped).
private final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(Logger.Level, String)] = []

    var all: [(Logger.Level, String)] { lock.withLock { stored } }

    func append(_ level: Logger.Level, _ line: String) { lock.withLock { stored.append((level, line)) } }
}

private struct CapturingHandler: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        lines.append(level, message.description)
    }
}

/// A domain error that picks its own status, as any error may.
private struct QuotaExceeded: HTTPResponseError {
    var status: Int { 429 }
    var code: String { "quota_exceeded" }
    var publicMessage: String { "too many questions today" }
    var headers: [(String, String)] { [("Retry-After", "3600")] }
}

/// Errors choose their own status and public message; the router asks any error for them, and internal detail
/// reaches only the log.
@Suite struct ErrorResponseTests {
    private func respond(throwing error: any Error) -> (Response, [(Logger.Level, String)]) {
        let lines = LogLines()
        let logger = Logger(label: "test") { _ in CapturingHandler(lines: lines) }
        var router = Router()
        router.get("/fails") { _, _ in throw error }
        let response = router.respond(to: Request(method: "GET", path: "/fails"), logger: logger)
        return (response, lines.all)
    }

    private func error(of response: Response) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        return try #require(object?["error"] as? [String: String])
    }

    @Test func anUnavailableStoreIsA503WithItsPublicMessageAndItsDetailOnlyInTheLog() throws {
        let detail = "connection to server on socket \"/run/gaceta-secret/.s.PGSQL.5432\" failed"
        let (response, log) = respond(throwing: StoreError(.unavailable, detail))
        #expect(response.status == 503)
        #expect(
            try error(of: response) == [
                "code": "database_unavailable", "message": "the database is unavailable right now; try again shortly",
            ])
        #expect(response.headers["Retry-After"] == "5")
        #expect(!String(decoding: response.body, as: UTF8.self).contains("gaceta-secret"))
        #expect(log.contains { $0.1.contains(detail) })
    }

    @Test func aFailedStoreCallIsA500WhoseDetailIsLoggedAsAnError() throws {
        let detail = "UNIQUE constraint failed: conversations.id (row 4242)"
        let (response, log) = respond(throwing: StoreError(.failed, detail))
        #expect(response.status == 500)
        #expect(try error(of: response)["code"] == "internal_error")
        #expect(!String(decoding: response.body, as: UTF8.self).contains("4242"))
        #expect(log.contains { $0.0 == .error && $0.1.contains(detail) })
    }

    @Test func anyConformingErrorChoosesItsStatusMessageAndHeaders() throws {
        let (response, log) = respond(throwing: QuotaExceeded())
        #expect(response.status == 429)
        #expect(try error(of: response) == ["code": "quota_exceeded", "message": "too many questions today"])
        #expect(response.headers["Retry-After"] == "3600")
        #expect(log.contains { $0.1.contains("quota_exceeded") })
    }

    @Test func anHTTPErrorsMessageIsPublicSoNothingIsLogged() throws {
        let (response, log) = respond(throwing: HTTPError.badRequest("'page' must be a whole number"))
        #expect(response.status == 400)
        #expect(try error(of: response)["message"] == "'page' must be a whole number")
        #expect(log.isEmpty)
    }
}
