import GacetaQuery
import Testing

@Suite("Numbers")
struct NumberTests {
    @Test(
        "digits become numbers; thousands separators are removed",
        arguments: [
            ("44.123", "44123"), ("44123", "44123"), ("1,500", "1500"), ("1.500.000", "1500000"), ("007", "007"),
        ])
    func numbers(text: String, digits: String) throws {
        #expect(try parse(text).required == plain(.number(digits)))
    }

    @Test(
        "number markers before a number are dropped",
        arguments: [
            "N° 525", "Nº 525", "N.º 525", "N.° 525", "No. 525", "N. 525", "n° 525", "no. 525", "N°525", "Nº525",
            "No.525", "#525", "N°  525",
        ])
    func markers(text: String) throws {
        #expect(try parse(text).required == plain(.number("525")))
    }

    @Test(
        "a bare N, Nro. or Núm. before a number is a marker too (a phone has no º key: «ley n 31731»)",
        arguments: ["N 525", "n 525", "n  525", "Nro. 525", "nro 525", "NRO. 525", "Nro.525", "Núm. 525", "num 525"])
    func bareMarkers(text: String) throws {
        #expect(try parse(text).required == plain(.number("525")))
    }

    @Test("a bare n or nro that no number follows stays a word; n525 is one word")
    func bareWords() throws {
        #expect(try parse("vitamina n").required == plain(.word("vitamina"), .word("n")))
        #expect(try parse("n de cédula").required == plain(.word("n"), .word("de"), .word("cédula")))
        #expect(try parse("nro uno").required == plain(.word("nro"), .word("uno")))
        #expect(try parse("n525").required == plain(.word("n525")))
        #expect(try parse("nroX 5").required == plain(.word("nrox"), .number("5")))
        #expect(try parse("n 7n").required == plain(.word("n"), .word("7n")))
        #expect(try parse("n 44.123-MP").required == plain(.number("44123"), .word("mp")))
    }

    @Test("in a phrase a bare n or nro stays a word, as the index keeps it")
    func bareInPhrase() throws {
        #expect(try parse("\"ley n 525\"").required == plain(.phrase(["ley", "n", "525"])))
        #expect(try parse("\"ley nro. 525\"").required == plain(.phrase(["ley", "nro", "525"])))
        #expect(try parse("\"ley N° 525\"").required == plain(.phrase(["ley", "525"])))
    }

    @Test("plain no stays a word")
    func plainNo() throws {
        #expect(try parse("no 525").required == plain(.word("no"), .number("525")))
        #expect(try parse("No. hay").required == plain(.word("no"), .word("hay")))
        #expect(try parse("N° de cédula").required == plain(.word("n"), .word("de"), .word("cédula")))
    }

    @Test("markers work with exclusion, thousands separators and OR")
    func markersCombined() throws {
        let expression = try parse("decreto N° 44.123 OR Nº 44.124 -No. 1")
        #expect(expression.required == [[.word("decreto")], [.number("44123"), .number("44124")]])
        #expect(expression.excluded == [.number("1")])
    }

    @Test("a decree identifier is a number plus a word, both required")
    func decree() throws {
        #expect(try parse("44123-MP").required == plain(.number("44123"), .word("mp")))
        #expect(try parse("N° 44.123-MP-H").required == plain(.number("44123"), .word("mp"), .word("h")))
    }

    @Test("7-2024 style identifiers keep their digits as two numbers")
    func yearIdentifier() throws {
        #expect(try parse("ley 7-2024").required == plain(.word("ley"), .number("7"), .number("2024")))
    }

    @Test("digits mixed with letters make a word; trailing separators are punctuation")
    func mixed() throws {
        #expect(
            try parse("art5 1ª 44.123. 2,").required
                == plain(.word("art5"), .number("1"), .number("44123"), .number("2")))
    }
}
