import Testing

@testable import GacetaText

/// Issue 15: the sentence splitter's work is linear in its input. It counts its inner-loop steps (a test-only
/// counter); inputs of size n and 4n must grow the count by less than 6 ×.
@Suite struct SentenceSplitterStepsTests {
    private func steps(_ text: String) -> Int {
        var text = text
        var steps = 0
        _ = text.withUTF8 { SentenceSplitter.ranges(in: $0, steps: &steps) }
        return steps
    }

    private func expectLinear(_ make: (Int) -> String, _ what: String) {
        let small = steps(make(2_500))
        let large = steps(make(10_000))
        #expect(small > 0)
        #expect(large < 6 * small, "\(what): \(small) steps for n, \(large) for 4n")
    }

    @Test func nbspRunsAbbreviationsAndTerminatorsAreLinear() {
        expectLinear({ String(repeating: "No.\u{00A0}", count: $0) }, "abbreviations before NBSP runs")
        expectLinear({ "No." + String(repeating: "\u{00A0}", count: 4 * $0) + "5." }, "one NBSP run")
        expectLinear({ String(repeating: "a.", count: $0) + " fin." }, "one long dotted word")
        expectLinear({ String(repeating: ".", count: $0) + " x" }, "a run of terminators")
        expectLinear({ String(repeating: "Sr. ", count: $0) }, "repeated abbreviations")
        expectLinear({ String(repeating: "salario ", count: $0) + "." }, "10,000 repeated terms")
        expectLinear({ "x." + String(repeating: " ", count: 4 * $0) }, "trailing white space")
    }
}
