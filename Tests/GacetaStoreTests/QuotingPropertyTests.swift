import GacetaCore
import GacetaQuery
import GacetaStore
import Testing
import TestSupport

/// Issue 15, row 6: user terms reach FTS5 (and tsquery) only as quoted literals, quoted scalar by scalar. Random
/// strings made of prepend and extend clusters, U+0000, quotes and FTS5 operators either fail to parse (a 400 in
/// the API) or run: a store never fails on them.
@Suite struct QuotingPropertyTests {
    static let seed: UInt64 = 0x5155_4F54

    static let fragments = [
        "a", "ley", "salario", "mínimo", " ", " ", "\"", "'", "\\", "*", "^", "NEAR(", "NEAR", "(", ")", ":", "-",
        "+", "OR", "AND", "NOT", "{", "}", ",", "%", "_", "\u{0}", "\u{D4E}", "\u{600}", "\u{110BD}", "\u{301}",
        "\u{200D}", "\u{FE0F}", "\u{D4E}\"", "\u{D4E}'", "\"\u{301}", "'\u{301}", "🇨🇷", "e\u{301}", "10", "ñ",
    ]

    @Test(arguments: StoreKind.testable) func randomSyntaxParsesOrRunsButNeverFailsTheStore(_ kind: StoreKind)
        throws
    {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(StoreFixture.salary)
        #expect(try harness.search(["domésticos"]).total == 1, "the index answers")
        var generator = SeededGenerator(seed: Self.seed)
        var ran = 0
        for iteration in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...10, using: &generator) {
                text += Self.fragments.randomElement(using: &generator) ?? ""
            }
            guard let expression = try? SearchQueryParser.parse(text) else { continue }
            do {
                _ = try harness.store.search(SearchRequest(expression: expression, perPage: 3))
                ran += 1
            } catch {
                Issue.record("iteration \(iteration) (seed \(Self.seed)) \(text.debugDescription): \(error)")
            }
        }
        #expect(ran >= 500, "enough random queries reached the store: \(ran)")
    }
}
