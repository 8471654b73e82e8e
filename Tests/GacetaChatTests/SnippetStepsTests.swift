import Testing

@testable import GacetaSearch

/// Issue 15: the snippet builder's work is linear in its input. It counts its inner-loop steps (a test-only
/// counter); inputs of size n and 4n (10,000 repeated terms, NBSP runs) must grow the count by less than 6 ×.
@Suite struct SnippetStepsTests {
    private let terms = IndexTerms()

    private func steps(_ text: String, _ phrases: [SnippetBuilder.Phrase]) -> Int {
        let builder = SnippetBuilder(phrases: phrases, terms: terms)
        var steps = 0
        _ = builder.marked(text, tokens: terms.tokens(text), steps: &steps)
        return steps
    }

    private func expectLinear(_ make: (Int) -> String, _ phrases: [SnippetBuilder.Phrase], _ what: String) {
        let small = steps(make(2_500), phrases)
        let large = steps(make(10_000), phrases)
        #expect(small > 0)
        #expect(large < 6 * small, "\(what): \(small) steps for n, \(large) for 4n")
    }

    @Test func repeatedTermsSentencesAndNbspRunsAreLinear() {
        let salario = SnippetBuilder.Phrase(terms: ["salari"], lastIsPrefix: false)
        let minimo = SnippetBuilder.Phrase(terms: ["salari", "minim"], lastIsPrefix: false)
        let prefix = SnippetBuilder.Phrase(terms: ["sal"], lastIsPrefix: true)
        expectLinear({ String(repeating: "salario ", count: $0) }, [salario], "10,000 repeated terms")
        expectLinear({ String(repeating: "salario mínimo. ", count: $0) }, [salario, minimo], "repeated sentences")
        expectLinear({ String(repeating: "salario\u{00A0}", count: $0) }, [prefix], "terms between NBSPs")
        expectLinear(
            { "salario" + String(repeating: "\u{00A0}", count: 4 * $0) + " mínimo" }, [salario], "one NBSP run")
    }
}
