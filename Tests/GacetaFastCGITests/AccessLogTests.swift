import Glibc
import Testing

@testable import GacetaFastCGI

@Suite struct AccessLogTests {
    @Test func valuesWithSpacesQuotesOrControlsAreQuotedAndEscaped() {
        #expect(AccessLog.quoted("/api/v1/search") == "/api/v1/search")
        #expect(AccessLog.quoted("") == "\"\"")
        #expect(AccessLog.quoted("canción") == "canción")
        #expect(AccessLog.quoted("¿qué pasó?") == "\"¿qué pasó?\"")
        #expect(AccessLog.quoted("a b") == "\"a b\"")
        #expect(AccessLog.quoted("x=1") == "\"x=1\"")
        #expect(AccessLog.quoted("dijo \"no\"\nfin\\") == #""dijo \"no\"\nfin\\""#)
        #expect(AccessLog.quoted("\u{1}") == #""\u0001""#)
    }

    @Test func oneLineWithTheFieldsInOrder() {
        let line = AccessLog.line(
            requestID: "abc", method: "GET", path: "/a b", status: 503, duration: .microseconds(1234),
            extra: [("question", "hola\nmundo")])
        #expect(line.hasSuffix("\n") && line.dropLast().split(separator: "\n").count == 1)
        #expect(line.hasPrefix("time="))
        #expect(
            line.contains(
                "level=error pid=\(getpid()) request_id=abc method=GET path=\"/a b\" status=503 duration_ms=1.2 question=\"hola\\nmundo\""
            ))
    }

    @Test func nginxRequestIDsAreKeptAndAnythingElseIsReplaced() {
        let nginx = "0123456789abcdef0123456789abcdef"
        #expect(AccessLog.requestID(from: nginx) == nginx)
        for bad in [nil, "", "a b", "x\ninjected=1", String(repeating: "a", count: 65)] {
            let id = AccessLog.requestID(from: bad)
            #expect(id != bad && id.count == 32 && id.allSatisfy(\.isHexDigit))
        }
    }
}
