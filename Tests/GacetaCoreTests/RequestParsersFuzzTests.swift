@testable import GacetaCore
import Testing
import TestSupport

@testable import GacetaAPI

/// Issue 15, fuzzing as a routine: seeded random inputs (`Fuzz.iterations` each) to the request parsers. Each
/// input is accepted or refused with a 4xx `HTTPError`; nothing else escapes, nothing traps.
@Suite struct RequestParsersFuzzTests {
    static let queryFragments = [
        "a", "q", "page", "=", "&", "+", "%", "%2", "%20", "%41", "%C3%A1", "%C3", "%28", "%FF", "%00", "%25", "%2F",
        "%E0%B5%8E", "ñ", "é", " ", "9223372036854775807", "-1", "1e3", "0x10", "10", ";", "#", "\u{0}",
    ]

    private func expectClientError(_ error: HTTPError, _ input: String) {
        #expect((400...499).contains(error.status) && !error.message.isEmpty, "\(input.debugDescription): \(error)")
    }

    @Test func queryStringsAndIntegerParameters() {
        var generator = SeededGenerator(seed: 0x7175_6572_79)
        var (accepted, refused) = (0, 0)
        for _ in 0..<Fuzz.iterations {
            let raw = Fuzz.text(Self.queryFragments, pieces: 0...24, using: &generator)
            do {
                let pairs = try QueryString.parse(raw)
                accepted += 1
                for (name, value) in pairs {
                    do {
                        let number = try IntegerParameter.parse(value, name: name, range: 1...100, default: 1)
                        #expect((1...100).contains(number), "\(raw.debugDescription)")
                    } catch {
                        #expect(
                            error.status == 400 && (name.isEmpty || error.message.contains(name)),
                            "\(raw.debugDescription)")
                    }
                }
            } catch {
                refused += 1
                expectClientError(error, raw)
            }
        }
        Fuzz.report("query string", accepted: accepted, refused: refused)
    }

    @Test func requestPaths() {
        var generator = SeededGenerator(seed: 0x7061_7468)
        let fragments = [
            "/", "//", "api", "v1", "search", ".", "..", "%2F", "%2E", "%2e%2E", ";x", "%", "%GG", "é", "A",
        ]
        var (accepted, refused) = (0, 0)
        for _ in 0..<Fuzz.iterations {
            let raw = Fuzz.text(fragments, pieces: 0...12, using: &generator)
            do {
                let path = try RequestPath.normalised(Substring(raw))
                _ = try RoutePattern.segments(of: path)
                accepted += 1
            } catch {
                refused += 1
                expectClientError(error, raw)
            }
        }
        Fuzz.report("request path", accepted: accepted, refused: refused)
    }

    @Test func multipartBodies() {
        var generator = SeededGenerator(seed: 0x6d75_6c74)
        let valid = Array(
            ("preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"date\"\r\n\r\n2024-07-15\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--XyZ--\r\n").utf8)
        let types = [
            "multipart/form-data; boundary=XyZ", "multipart/form-data; boundary=\"XyZ\"", "multipart/form-data",
            "multipart/form-data; boundary=", "multipart/form-data; boundary=" + String(repeating: "X", count: 80),
            "text/plain", "multipart/form-data; boundary=X",
        ]
        var (accepted, refused) = (0, 0)
        for _ in 0..<Fuzz.iterations {
            let body = Fuzz.mutate(valid, using: &generator)
            let type = types.randomElement(using: &generator)
            do {
                let form = try MultipartForm(body: body, contentType: type)
                #expect(form.parts.count <= MultipartForm.maximumParts)
                accepted += 1
            } catch {
                refused += 1
                expectClientError(error, String(decoding: body, as: UTF8.self))
            }
        }
        #expect(accepted > 0 && refused > 0, "the mutations should both keep and break forms")
        Fuzz.report("multipart", accepted: accepted, refused: refused)
    }
}
