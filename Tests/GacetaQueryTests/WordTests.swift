import GacetaQuery
import Testing

@Suite("Words")
struct WordTests {
    @Test("whitespace-separated words are all required, lower-cased with accents kept")
    func requiredWords() throws {
        let expression = try parse("Salario  MÍNIMO\tcañería")
        #expect(expression.required == plain(.word("salario"), .word("mínimo"), .word("cañería")))
        #expect(expression.excluded.isEmpty)
        #expect(expression.droppedStopwords.isEmpty)
    }

    @Test(
        "other punctuation separates words",
        arguments: [
            "salario, mínimo.", "salario;mínimo", "¿salario? ¡mínimo!", "salario/mínimo", "salario… mínimo",
            "'salario' [mínimo]", "salario\nmínimo", "salario\r\nmínimo", "salario 🙂 mínimo", "salario_mínimo",
        ])
    func punctuationSeparates(text: String) throws {
        #expect(try parse(text).required == plain(.word("salario"), .word("mínimo")))
    }

    @Test("lower-case or and o are ordinary words, as is Or")
    func lowercaseOr() throws {
        #expect(try parse("a or b").required == plain(.word("a"), .word("or"), .word("b")))
        #expect(try parse("a o b").required == plain(.word("a"), .word("o"), .word("b")))
        #expect(try parse("a Or b").required == plain(.word("a"), .word("or"), .word("b")))
        #expect(try parse("ORACLE").required == plain(.word("oracle")))
    }

    @Test("hyphenated words become separate required words")
    func hyphenatedWords() throws {
        #expect(try parse("ex-ministro").required == plain(.word("ex"), .word("ministro")))
        #expect(try parse("salario- mínimo").required == plain(.word("salario"), .word("mínimo")))
    }

    @Test("repeated words are required once")
    func duplicates() throws {
        #expect(try parse("salario SALARIO salario").required == plain(.word("salario")))
    }

    @Test("decomposed accents and other scripts stay letters")
    func unicodeLetters() throws {
        #expect(try parse("cafe\u{301}").required == plain(.word("cafe\u{301}")))
        #expect(try parse("Ωμέγα").required == plain(.word("ωμέγα")))
    }

    @Test("stray combining marks and clusters that swallow spaces separate words")
    func oddClusters() throws {
        #expect(try parse("\u{301}salario").required == plain(.word("salario")))
        #expect(try parse("a\u{11941} b").required == plain(.word("a"), .word("b")))
    }

    @Test("an empty or blank query is rejected", arguments: ["", "   ", "\t\n"])
    func empty(text: String) {
        expectRejected(text, mentioning: ["empty", "at least one word"], at: nil)
    }

    @Test("a query of only punctuation or symbols is rejected", arguments: ["...", "¿?", "🙂🙂", "#", "° º"])
    func noWords(text: String) {
        expectRejected(text, mentioning: ["no words", "punctuation"], at: nil)
    }
}
