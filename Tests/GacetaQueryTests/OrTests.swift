import GacetaQuery
import Testing

@Suite("OR groups")
struct OrTests {
    @Test("OR makes alternatives of the atoms on either side")
    func alternatives() throws {
        let expression = try parse("salario a OR b mínimo")
        #expect(expression.required == [[.word("salario")], [.word("a"), .word("b")], [.word("mínimo")]])
    }

    @Test("OR chains")
    func chain() throws {
        #expect(
            try parse("a OR b OR \"c d\" OR ef*").required
                == [[.word("a"), .word("b"), .phrase(["c", "d"]), .prefix("ef")]])
    }

    @Test("two groups side by side")
    func twoGroups() throws {
        #expect(try parse("a OR b c OR d").required == [[.word("a"), .word("b")], [.word("c"), .word("d")]])
    }

    @Test("OR works next to quotes")
    func nextToQuotes() throws {
        #expect(try parse("\"a b\"OR\"c d\"").required == [[.phrase(["a", "b"]), .phrase(["c", "d"])]])
    }

    @Test("a hyphenated identifier is one alternative, as a phrase")
    func identifierAlternative() throws {
        #expect(
            try parse("44123-MP OR 44124-MP").required
                == [[.phrase(["44123", "mp"]), .phrase(["44124", "mp"])]])
    }

    @Test("repeated alternatives are listed once")
    func duplicateAlternatives() throws {
        #expect(try parse("a OR A OR b").required == [[.word("a"), .word("b")]])
    }

    @Test("OR at the start is rejected", arguments: ["OR a", "  OR a", "OR"])
    func orAtStart(text: String) {
        let position = text.distance(from: text.startIndex, to: text.firstIndex(of: "O") ?? text.startIndex)
        expectRejected(text, mentioning: ["'OR'", "nothing before it", "a OR b"], at: position)
    }

    @Test("OR at the end is rejected")
    func orAtEnd() {
        expectRejected("a OR", mentioning: ["'OR' at character 2", "nothing after it"], at: 2)
        expectRejected("a b OR ...", mentioning: ["nothing after it"], at: 4)
    }

    @Test("OR OR is rejected")
    func orOr() {
        expectRejected("a OR OR b", mentioning: ["'OR' at character 5", "follows another 'OR'"], at: 5)
    }

    @Test("an excluded alternative is rejected")
    func excludedAlternative() {
        expectRejected("a OR -b", mentioning: ["excluded term at character 5", "OR group", "a OR b -c"], at: 5)
        expectRejected("-a OR b", mentioning: ["excluded term at character 0"], at: 0)
    }
}
