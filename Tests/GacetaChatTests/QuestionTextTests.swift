import GacetaCore
import Testing

@testable import GacetaChat

/// A question is composed (NFC) and trimmed without Foundation; each case names the Unicode rule it checks. The
/// expected scalars come from the Unicode Character Database (UnicodeData.txt's decompositions), not from the code.
@Suite struct QuestionTextTests {
    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func spanishLettersWithCombiningMarksAreComposed() {
        let cases: [(decomposed: String, composed: UInt32)] = [
            ("a\u{301}", 0xE1), ("e\u{301}", 0xE9), ("i\u{301}", 0xED), ("o\u{301}", 0xF3), ("u\u{301}", 0xFA),
            ("n\u{303}", 0xF1), ("u\u{308}", 0xFC), ("E\u{301}", 0xC9), ("N\u{303}", 0xD1), ("U\u{308}", 0xDC),
        ]
        for (decomposed, composed) in cases {
            #expect(scalars(QuestionText.composed(decomposed)) == [composed], "\(scalars(decomposed))")
        }
        #expect(scalars(QuestionText.composed("¿Que\u{301} dice?")) == scalars("¿Qu") + [0xE9] + scalars(" dice?"))
    }

    @Test func composedTextAndLettersWithoutAComposedFormStayAsTheyAre() {
        #expect(scalars(QuestionText.composed("canción ñandú")) == scalars("canción ñandú"))
        // No precomposed "x with acute": NFC keeps both scalars.
        #expect(scalars(QuestionText.composed("x\u{301}")) == [0x78, 0x301])
        // A second acute has nothing left to compose with.
        #expect(scalars(QuestionText.composed("e\u{301}\u{301}")) == [0xE9, 0x301])
    }

    @Test func marksAreReorderedByCombiningClassBeforeComposing() {
        // U+0323 (dot below, class 220) sorts before U+0302 (circumflex, class 230): both orders give U+1EAD.
        #expect(scalars(QuestionText.composed("a\u{302}\u{323}")) == [0x1EAD])
        #expect(scalars(QuestionText.composed("a\u{323}\u{302}")) == [0x1EAD])
    }

    @Test func singletonsBecomeTheirCanonicalLetter() {
        // U+212B ANGSTROM SIGN decomposes to U+00C5 for good (a composition exclusion).
        #expect(scalars(QuestionText.composed("\u{212B}")) == [0xC5])
    }

    @Test func whiteSpaceIsTrimmedAtBothEndsOnly() {
        #expect(" \t\n¿plazo  de pago?\r\n".trimmed == "¿plazo  de pago?")
        // No-break space, ideographic space and the line separator are white space too (as Foundation's set).
        #expect(scalars("\u{A0}\u{3000}ley\u{2028}".trimmed) == scalars("ley"))
        #expect(" \n\t ".trimmed.isEmpty)
        // Scalar by scalar: a mark after a leading space is not white space and stays.
        #expect(scalars(" \u{301}ley".trimmed) == [0x301] + scalars("ley"))
    }

    @Test func limitsAreMeasuredOnTheComposedQuestion() throws {
        // 300 decomposed "é": 600 scalars, over 4 × 100; composed, 300 scalars and 300 clusters.
        let decomposed = "  " + String(repeating: "e\u{301}", count: 300) + "\n"
        #expect(throws: ChatError.questionTooLong(length: 300, limit: 100)) {
            try QuestionText.normalised(decomposed, maximumLength: 100)
        }
        let question = try QuestionText.normalised(decomposed, maximumLength: 300)
        #expect(scalars(question) == Array(repeating: 0xE9, count: 300))
        // "x" has no composed form: 1 cluster of 401 scalars is over 4 × 100.
        #expect(throws: ChatError.questionTooLarge(measure: "401 Unicode scalars")) {
            try QuestionText.normalised("x" + String(repeating: "\u{301}", count: 400), maximumLength: 100)
        }
        // Over twice the byte limit before composing: refused without being normalised.
        let huge = "a" + String(repeating: "\u{301}", count: 300_000)
        #expect(throws: ChatError.questionTooLarge(measure: "600001 bytes")) {
            try QuestionText.normalised(huge, maximumLength: 100)
        }
    }
}
