import GacetaQuery
import Testing

@Suite("Prefixes")
struct PrefixTests {
    @Test("word* is a prefix search, lower-cased, without the *")
    func prefix() throws {
        #expect(try parse("Contrat* público").required == plain(.prefix("contrat"), .word("público")))
        #expect(try parse("ab*").required == plain(.prefix("ab")))
        #expect(try parse("salar*, mínimo").required == plain(.prefix("salar"), .word("mínimo")))
    }

    @Test("a prefix of digits is allowed")
    func digitPrefix() throws {
        #expect(try parse("decreto 4412*").required == plain(.word("decreto"), .prefix("4412")))
    }

    @Test("fewer than 2 letters before * is rejected")
    func tooShort() {
        expectRejected("salario a*", mentioning: ["prefix 'a*'", "character 8", "at least 2 letters"], at: 8)
    }

    @Test(
        "* on its own or at the start of a word is rejected",
        arguments: [
            ("*", 0), ("salario *", 8), ("*mínimo", 0), ("\"a\"*", 3), ("-*", 0),
        ])
    func stray(text: String, position: Int) {
        guard let error = rejection(text) else { return }
        #expect(error.position == position, "\(error.message)")
        #expect(error.message.contains("'*'") || error.message.contains("'-'"), "\(error.message)")
    }

    @Test("* in the middle of a word is rejected", arguments: [("sal*ario", 3), ("salar**", 5)])
    func middle(text: String, position: Int) {
        expectRejected(text, mentioning: ["'*' at character \(position)", "last character of a word"], at: position)
    }

    @Test("a prefix cannot end a hyphenated word")
    func hyphenated() {
        expectRejected("ex-minis*", mentioning: ["hyphenated word", "minis*"], at: 3)
    }
}
