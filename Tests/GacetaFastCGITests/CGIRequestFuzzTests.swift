import GacetaCore
import GacetaFastCGI
import Testing
import TestSupport

/// Issue 15, fuzzing as a routine: seeded random FastCGI parameter sets (`Fuzz.iterations`) to `CGIRequest.parse`:
/// a request head, or a 4xx `HTTPError`.
@Suite struct CGIRequestFuzzTests {
    @Test func randomParameterSets() {
        var generator = SeededGenerator(seed: 0x6367_69)
        let names = [
            "REQUEST_METHOD", "REQUEST_URI", "DOCUMENT_URI", "QUERY_STRING", "CONTENT_LENGTH", "CONTENT_TYPE",
            "REMOTE_ADDR", "HTTP_ACCEPT", "HTTP_X_A", "HTTP_", "SCRIPT_NAME",
        ]
        let fragments = [
            "GET", "POST", "get", "G T", "/", "//", "/api/v1/search", "?", "q=a", "%", "%2F", "%E0%B5%8E", "..", ".",
            "-1", "0", "9223372036854775808", "18446744073709551616", "1e3", "127.0.0.1", "::1", "é", "\u{0}", " ",
            "text/plain", "a=b&c", "#",
        ]
        var (accepted, refused) = (0, 0)
        for _ in 0..<Fuzz.iterations {
            var parameters: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                let name = names.randomElement(using: &generator) ?? "X"
                parameters[name] = Fuzz.text(fragments, pieces: 0...6, using: &generator)
            }
            do {
                let head = try CGIRequest.parse(parameters)
                #expect(head.request.path.hasPrefix("/"), "\(parameters)")
                #expect(head.contentLength.map { $0 >= 0 } ?? true, "\(parameters)")
                accepted += 1
            } catch {
                refused += 1
                #expect((400...499).contains(error.status), "\(parameters): \(error)")
            }
        }
        Fuzz.report("FastCGI parameters", accepted: accepted, refused: refused)
    }
}
