import GacetaQuery
import Testing

@Suite("Phrases")
struct PhraseTests {
    @Test("a quoted phrase keeps its words in order")
    func phrase() throws {
        let expression = try parse("salario \"Zona Franca\" empresas")
        #expect(expression.required == plain(.word("salario"), .phrase(["zona", "franca"]), .word("empresas")))
    }

    @Test("punctuation, hyphens, OR and parentheses inside quotes separate words")
    func punctuationInside() throws {
        #expect(
            try parse("\"ley (7.600), de-igualdad OR no\"").required
                == plain(.phrase(["ley", "7600", "de", "igualdad", "or", "no"])))
    }

    @Test("numbers and markers inside a phrase are normalised")
    func numbersInside() throws {
        #expect(try parse("\"decreto N° 44.123-MP\"").required == plain(.phrase(["decreto", "44123", "mp"])))
    }

    @Test("curly and angle quotes work like straight quotes")
    func curlyQuotes() throws {
        #expect(try parse("\u{201C}zona franca\u{201D}").required == plain(.phrase(["zona", "franca"])))
        #expect(try parse("«zona franca»").required == plain(.phrase(["zona", "franca"])))
    }

    @Test("a one-word phrase stays a phrase")
    func oneWord() throws {
        #expect(try parse("\"salario\"").required == plain(.phrase(["salario"])))
    }

    @Test("a phrase glued to words still separates them")
    func glued() throws {
        #expect(
            try parse("ley\"zona franca\"hoy").required
                == plain(.word("ley"), .phrase(["zona", "franca"]), .word("hoy")))
    }

    @Test("an unterminated quote is rejected at the opening quote")
    func unterminated() {
        expectRejected(
            "salario \"zona franca", mentioning: ["unterminated quote", "character 8", "closing \""], at: 8)
        expectRejected("\"a\" \"b", mentioning: ["unterminated quote", "character 4"], at: 4)
    }

    @Test("an empty phrase is rejected", arguments: ["\"\"", "a \"  \"", "a \"...\""])
    func emptyPhrase(text: String) {
        let position = text.firstIndex(of: "\"").map { text.distance(from: text.startIndex, to: $0) }
        expectRejected(text, mentioning: ["empty phrase", "between the quotes"], at: position)
    }

    @Test("* inside a phrase is rejected")
    func starInside() {
        expectRejected("\"salar* mínimo\"", mentioning: ["'*'", "inside a \"phrase\"", "character 6"], at: 6)
        expectRejected("\"a * b\"", mentioning: ["inside a \"phrase\""], at: 3)
    }
}
