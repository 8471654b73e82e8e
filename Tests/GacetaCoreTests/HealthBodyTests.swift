import GacetaCore
import Testing

@testable import GacetaAPI

/// `/health` writes its body with `JSONObjectWriter` instead of `JSON.encode`: the bytes must be the encoder's.
@Suite struct HealthBodyTests {
    private func body(
        database: String?, fetch: HealthHandler.Fetch?, uptime: Double, status: String = "ok",
        profile: String = "testing"
    ) -> HealthHandler.Body {
        HealthHandler.Body(
            status: status, version: "1.2.3", profile: profile, pid: 4242, uptimeSeconds: uptime, database: database,
            fetch: fetch)
    }

    @Test(arguments: [0, 3, 12.345, 0.001, 1e-7, 123_456_789.123, 1e20])
    func sameBytesAsTheEncoder(uptime: Double) {
        let fetch = HealthHandler.Fetch(date: "2024-07-15", state: "done", finishedAt: "2024-07-15T10:00:00Z")
        for value in [
            body(database: "ok", fetch: fetch, uptime: uptime),
            body(database: nil, fetch: nil, uptime: uptime),
            body(database: "unavailable", fetch: nil, uptime: uptime, status: "degraded"),
            body(database: "ok", fetch: .init(date: nil, state: nil, finishedAt: "x"), uptime: uptime),
        ] {
            #expect(String(decoding: value.json, as: UTF8.self) == String(decoding: JSON.encode(value), as: UTF8.self))
        }
    }

    @Test func stringsEscapedAsTheEncoderDoes() {
        let value = body(
            database: "ok", fetch: nil, uptime: 1.5, profile: "a\"b\\c/d\n\r\t\u{8}\u{c}\u{1}\u{1b}\u{1f}\u{7f}é€😀")
        #expect(String(decoding: value.json, as: UTF8.self) == String(decoding: JSON.encode(value), as: UTF8.self))
    }
}
