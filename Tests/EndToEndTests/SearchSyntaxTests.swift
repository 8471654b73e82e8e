import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 15, row 6: `q=a%E0%B5%8E%22b` was a 500 with an FTS5 syntax error in the log: U+0D4E (a "prepend"
    /// character) and the `"` after it form one grapheme cluster, so escaping by `Character` missed the quote.
    /// Whatever a user types, a search answers 200 or 400, never 500.
    @Suite struct SearchSyntaxTests {
        static let seed: UInt64 = 0x4654_5335

        /// Pieces that stress FTS5 quoting: prepend and extend clusters, NUL, quotes and FTS5 operators.
        static let fragments = [
            "a", "ley", "salario", "mínimo", " ", " ", "\"", "*", "^", "NEAR(", "NEAR", "(", ")", ":", "-", "+", "OR",
            "AND", "NOT", "{", "}", ",", "'", "\u{0}", "\u{D4E}", "\u{600}", "\u{110BD}", "\u{301}", "\u{200D}",
            "\u{FE0F}", "\u{D4E}\"", "\"\u{301}", "🇨🇷", "ñ", "e\u{301}", "10", "44.123",
        ]

        static func randomQuery(using generator: inout SeededGenerator) -> String {
            var query = ""
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                query += fragments.randomElement(using: &generator) ?? ""
            }
            return query
        }

        /// Every byte but the unreserved ASCII ones as `%XX`.
        static func percentEncoded(_ text: String) -> String {
            var encoded = ""
            for byte in text.utf8 {
                if (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) {
                    encoded.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    encoded += String(format: "%%%02X", byte)
                }
            }
            return encoded
        }

        @Test func aQuoteHiddenInAGraphemeClusterAndRandomSyntaxNeverMakeA500() throws {
            let scratch = try Paths.temporaryDirectory("fts5")
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            try GazettePDF.write(
                to: "\(scratch)/gaceta-129.pdf", number: 129, date: "15 de julio del 2024", firstPrinted: 1,
                pages: ["La ley fija el salario mínimo de las personas trabajadoras domésticas."])
            try Shell.run(
                try Paths.binary(), ["ingest", "\(scratch)/gaceta-129.pdf"], environment: stack.poolEnvironment
            )
            .expectSuccess("ingest")
            try stack.start()

            let reported = try stack.get("/api/v1/search?q=a%E0%B5%8E%22b")
            #expect([200, 400].contains(reported.status), "\(reported.status) \(reported.body)")

            var generator = SeededGenerator(seed: Self.seed)
            let queries = (0..<150).map { _ in Self.randomQuery(using: &generator) }
            let base = "https://127.0.0.1:\(stack.httpsPort)/api/v1/search?q="
            // One curl for all of them, paced under the search location's limit (nginx/dev.conf.in).
            let result = try Shell.run(
                "curl",
                ["-sS", "--cacert", stack.caPath, "--rate", "20/s", "-w", "%{http_code}\n"]
                    + queries.flatMap { ["-o", "/dev/null", base + Self.percentEncoded($0)] })
            let statuses = result.stdout.split(separator: "\n").map { Int($0) ?? 0 }
            #expect(statuses.count == queries.count, "\(result.stderr)")
            for (query, status) in zip(queries, statuses) {
                #expect([200, 400].contains(status), "q=\(query.debugDescription) (seed \(Self.seed)): \(status)")
            }
            #expect(statuses.filter { $0 == 200 }.count >= 20, "enough of them are searches that run: \(statuses)")
            #expect(!stack.masterLog().contains("exited on signal"))
        }
    }
}
