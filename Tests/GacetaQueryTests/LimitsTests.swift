import GacetaQuery
import Testing

@Suite("Limits and rejected characters")
struct LimitsTests {
    @Test("parentheses are rejected with a hint to write a OR b", arguments: [("(a OR b)", 0), ("a OR b)", 6)])
    func parentheses(text: String, position: Int) {
        expectRejected(
            text, mentioning: ["parentheses are not supported", "character \(position)", "a OR b without parentheses"],
            at: position)
    }

    @Test(
        "control characters are rejected",
        arguments: [
            ("a\u{0}b", 1, "U+0000"), ("ab \u{7}", 3, "U+0007"),
            ("\u{1B}[1m", 0, "U+001B"), ("x\u{85}", 1, "U+0085"),
        ])
    func controlCharacters(text: String, position: Int, code: String) {
        expectRejected(text, mentioning: ["control character \(code)", "character \(position)"], at: position)
    }

    @Test("400 characters are accepted, 401 are not")
    func length() throws {
        let word = String(repeating: "a", count: 399)
        #expect(try parse(word + "b").required == plain(.word(word + "b")))
        expectRejected(word + "bc", mentioning: ["longer than 400 characters"], at: 400)
        expectRejected(String(repeating: "ñ ", count: 1_000_000), mentioning: ["longer than 400"], at: 400)
    }

    @Test("characters are counted as the user sees them")
    func graphemeLength() throws {
        let accented = String(repeating: "e\u{301}", count: 400)
        #expect(try parse(accented).required.count == 1)
    }

    @Test("24 atoms are accepted, 25 are not")
    func atoms() throws {
        let words = (0..<24).map { "w\($0)" }
        #expect(try parse(words.joined(separator: " ")).required.count == 24)
        let text = (words + ["extra"]).joined(separator: " ")
        let position = text.count - "extra".count
        expectRejected(text, mentioning: ["more than 24 search terms", "character \(position)"], at: position)
    }

    @Test("exclusions, alternatives and identifier parts count as atoms")
    func atomCounting() {
        let words = (0..<11).map { "a\($0) OR b\($0)" }.joined(separator: " ")
        guard let error = rejection(words + " -x -y 44123-MP") else { return }
        #expect(error.message.contains("more than 24"))
    }
}
