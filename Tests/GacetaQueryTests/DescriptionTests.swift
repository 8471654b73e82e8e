import GacetaQuery
import Testing

@Suite("Canonical description")
struct DescriptionTests {
    @Test(
        "required groups in order, then exclusions",
        arguments: [
            ("Salario \"Zona  Franca\" a OR b -c pre* N° 44.123", "salario \"zona franca\" (a OR b) pre* #44123 -c"),
            ("44123-MP OR x -7-2024", "(\"44123 mp\" OR x) -\"7 2024\""),
            ("salario, mínimo.", "salario mínimo"),
            ("«zona franca» -\"a\"", "\"zona franca\" -\"a\""),
        ])
    func description(text: String, canonical: String) throws {
        #expect(try parse(text).description == canonical)
        #expect("\(try parse(text))" == canonical)
    }

    @Test("dropped stopwords are not shown")
    func stopwordsHidden() throws {
        #expect(try parse("licitaciones de la CCSS", stopwords: ["de", "la"]).description == "licitaciones ccss")
    }

    @Test("the description parses back to the same expression once parentheses are removed")
    func roundTrip() throws {
        let expression = try parse("a OR b \"c d\" -e fg* #12 x-y 1.500")
        let again = try parse(String(expression.description.filter { $0 != "(" && $0 != ")" }))
        #expect(again == expression)
    }

    @Test("an expression built by hand describes itself too")
    func handBuilt() {
        let expression = SearchExpression(required: [[.word("a")], [.number("1"), .prefix("ab")]], excluded: [])
        #expect(expression.description == "a (#1 OR ab*)")
    }
}
