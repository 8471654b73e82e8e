import GacetaQuery
import Testing

@Suite("Exclusions")
struct ExclusionTests {
    @Test("-word, -\"phrase\", -prefix* and -number are excluded")
    func excluded() throws {
        let expression = try parse("salario -Mínimo -\"zona franca\" -contrat* -N°525")
        #expect(expression.required == plain(.word("salario")))
        #expect(
            expression.excluded == [
                .word("mínimo"), .phrase(["zona", "franca"]), .prefix("contrat"), .number("525"),
            ])
    }

    @Test("an excluded hyphenated identifier is excluded as a whole, as a phrase")
    func excludedIdentifier() throws {
        #expect(try parse("decreto -44123-MP").excluded == [.phrase(["44123", "mp"])])
    }

    @Test("a hyphen inside or after a word does not exclude")
    func hyphenNotExclusion() throws {
        #expect(try parse("salario-mínimo").excluded.isEmpty)
        #expect(
            try parse("Artículo 1.- Se establece").required
                == plain(.word("artículo"), .number("1"), .word("se"), .word("establece")))
    }

    @Test(
        "a lone -, or - followed by a space, is rejected",
        arguments: [
            ("-", 0), ("salario -", 8), ("salario - mínimo", 8), ("--salario", 0), ("a -, b", 2), ("a -(b)", 2),
        ])
    func loneMinus(text: String, position: Int) {
        expectRejected(
            text, mentioning: ["'-'", "character \(position)", "followed directly", "-palabra"], at: position)
    }

    @Test("a query with only exclusions is rejected")
    func onlyExclusions() {
        expectRejected("-salario -\"zona franca\"", mentioning: ["only excludes", "add at least one word"], at: nil)
    }

    @Test("repeated exclusions are listed once")
    func duplicates() throws {
        #expect(try parse("a -b -B").excluded == [.word("b")])
    }
}
