import Testing

@testable import GacetaChat

@Suite struct CitationMarkerFilterTests {
    @Test(arguments: [
        ("Texto [1].", "Texto [1].", [1]),
        ("Texto [7].", "Texto.", []),
        ("Texto [1][7] y más [3].", "Texto [1] y más [3].", [1, 3]),
        ("Texto [1, 7] y [2,3].", "Texto [1] y [2,3].", [1, 2, 3]),
        ("Rango [1-3].", "Rango [1-3].", [1, 2, 3]),
        ("Dice [sic] y [ ] y [a1].", "Dice [sic] y [ ] y [a1].", []),
        ("Sin cerrar [1", "Sin cerrar [1", []),
        ("Uno [7] dos", "Uno dos", []),
        ("[2] al inicio", "[2] al inicio", [2]),
    ])
    func filters(input: String, output: String, cited: [Int]) {
        let result = CitationMarkerFilter.filter(input, passageCount: 3)
        #expect(result.text == output)
        #expect(result.cited == cited)
    }

    @Test func streamingGivesTheSameTextWhereverDeltasAreCut() {
        let text = "El precio [1][7] sube , baja [9]. Otra [2, 8] y [sic]  final [4]"
        let whole = CitationMarkerFilter.filter(text, passageCount: 3)
        let characters = Array(text)
        for size in 1...6 {
            var filter = CitationMarkerFilter(passageCount: 3)
            var output = ""
            for start in stride(from: 0, to: characters.count, by: size) {
                output += filter.feed(String(characters[start..<min(start + size, characters.count)]))
            }
            output += filter.finish()
            #expect(output == whole.text, "deltas of \(size)")
            #expect(filter.cited == whole.cited)
        }
    }
}
