import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 15, row 5: `"a"` + 300,000 × U+0301 was one grapheme cluster, so a ~600 KB "one-character" question
    /// was answered and stored. A question is NFC-normalised, then measured in grapheme clusters
    /// (`chat.max_question_length`), Unicode scalars (4 × that) and UTF-8 bytes (8 KB); a search `q` over 500
    /// characters or 32 terms is refused too.
    @Suite struct QuestionAndQuerySizeTests {
        /// The body goes through a file: 600 KB does not fit in one command-line argument.
        private func ask(_ stack: Stack, _ question: String) throws -> HTTPResult {
            let file = "\(stack.directory)/question.json"
            try JSONSerialization.data(withJSONObject: ["question": question]).write(to: URL(fileURLWithPath: file))
            return try stack.get(
                "/api/v1/chat", ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", "@\(file)"])
        }

        @Test func questionsAndQueriesAreMeasuredInClustersScalarsAndBytes() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            try stack.start()
            // One cluster of 4,001 scalars in 8,001 bytes ("x" has no precomposed form, so NFC keeps them).
            let combining = String(repeating: "\u{301}", count: 4_000)
            let judges = String(repeating: "👩‍⚖️", count: 700)  // 700 clusters, 2,800 scalars, 9,100 bytes
            for (name, question) in [("combining marks", "x" + combining), ("8 KB of UTF-8", judges)] {
                let refused = try ask(stack, question)
                #expect(refused.status == 400 && refused.errorCode == "question_too_long", "\(name): \(refused.body)")
            }
            let huge = try ask(stack, "a" + String(repeating: "\u{301}", count: 300_000))
            #expect(huge.status == 413, "nginx refuses a chat body over 16k: \(huge.status)")

            // NFC: the stored question is the composed form.
            let asked = try ask(stack, "¿Qué dice el cafe\u{301}?")
            #expect(asked.status == 200, "\(asked.body)")
            let id = try #require(try asked.json()["conversation_id"] as? String)
            // Scalar by scalar: Swift's String comparison would call the two forms equal.
            let stored = try stack.get("/api/v1/conversations/\(id)").body.unicodeScalars.map(\.value)
            let composed: [UInt32] = [0x66, 0xE9, 0x3F]  // "fé?"
            let decomposed: [UInt32] = [0x65, 0x301]
            func holds(_ part: [UInt32]) -> Bool {
                stored.indices.contains { stored[$0...].starts(with: part) }
            }
            #expect(holds(composed) && !holds(decomposed), "the question is stored composed (NFC)")

            let long = String(repeating: "ley ", count: 126)  // 504 characters
            let many = (1...33).map { "palabra\($0)" }.joined(separator: "+")
            let marks = String(repeating: "%CC%81", count: 1_000)  // 6 KB of URL, under nginx's 8k header buffers
            for q in [long.replacingOccurrences(of: " ", with: "+"), many, "a" + marks] {
                let refused = try stack.get("/api/v1/search?q=\(q)")
                #expect(
                    refused.status == 400 && refused.errorCode == "query_too_long", "\(q.prefix(60)): \(refused.body)")
            }
        }
    }
}
