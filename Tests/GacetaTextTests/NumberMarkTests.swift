import GacetaText
import Testing

/// A number mark before a number gives no token, so identifiers index the same whatever way they are written.
@Suite struct NumberMarkTests {
    let tokenizer = SpanishTokenizer()

    @Test(arguments: [
        "Ley Nº 29664", "Ley N° 29664", "Ley N.º 29664", "Ley N.° 29664", "Ley No. 29664", "LEY N. 29664",
        "Ley nº 29.664", "Ley 29664",
    ])
    func marksBeforeNumbersGo(text: String) {
        #expect(tokenizer.terms(text, stem: false) == ["ley", "29664"])
    }

    @Test func wordsThatOnlyLookLikeMarksStay() {
        #expect(tokenizer.terms("no 5 veces", stem: false) == ["no", "5", "veces"])
        #expect(tokenizer.terms("Nº de cédula", stem: false) == ["no", "de", "cedula"])
        #expect(tokenizer.terms("el punto N. final", stem: false) == ["el", "punto", "n", "final"])
        #expect(tokenizer.terms("N", stem: false) == ["n"])
        #expect(tokenizer.terms("Decreto N° 44123-MP", stem: false) == ["decreto", "44123", "mp"])
    }

    @Test func rangesStillPointAtTheWords() {
        var text = "Ley Nº 29664"
        var ranges: [Range<Int>] = []
        text.withUTF8 { bytes in
            tokenizer.tokenize(bytes, stem: false) { _, range in
                ranges.append(range)
                return true
            }
        }
        #expect(ranges == [0..<3, 8..<13])
    }
}
