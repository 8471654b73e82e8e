import GacetaQuery
import Testing

@Suite("Stopwords")
struct StopwordTests {
    let stopwords: Set<String> = ["de", "la", "el", "y", "no"]

    @Test("plain required stopwords are dropped and recorded")
    func dropped() throws {
        let expression = try parse("licitaciones de la CCSS", stopwords: stopwords)
        #expect(expression.required == plain(.word("licitaciones"), .word("ccss")))
        #expect(expression.droppedStopwords == ["de", "la"])
    }

    @Test("the predicate sees lower-cased words")
    func lowerCased() throws {
        #expect(try parse("De LA ccss", stopwords: stopwords).droppedStopwords == ["de", "la"])
    }

    @Test("stopwords inside phrases, OR groups and exclusions are kept")
    func kept() throws {
        let expression = try parse("\"ley de la república\" de OR y ccss -el", stopwords: stopwords)
        #expect(
            expression.required == [
                [.phrase(["ley", "de", "la", "república"])], [.word("de"), .word("y")], [.word("ccss")],
            ])
        #expect(expression.excluded == [.word("el")])
        #expect(expression.droppedStopwords.isEmpty)
    }

    @Test("if dropping would leave nothing required, stopwords are kept")
    func allStopwords() throws {
        let expression = try parse("de la", stopwords: stopwords)
        #expect(expression.required == plain(.word("de"), .word("la")))
        #expect(expression.droppedStopwords.isEmpty)
        #expect(try parse("de la -ccss", stopwords: stopwords).required == plain(.word("de"), .word("la")))
    }

    @Test("a number or prefix counts as something required")
    func numberRemains() throws {
        let expression = try parse("de la N° 525", stopwords: stopwords)
        #expect(expression.required == plain(.number("525")))
        #expect(expression.droppedStopwords == ["de", "la"])
    }

    @Test("the marker rule wins over the stopword no")
    func markerNotStopword() throws {
        let expression = try parse("decreto No. 525 no", stopwords: stopwords)
        #expect(expression.required == plain(.word("decreto"), .number("525")))
        #expect(expression.droppedStopwords == ["no"])
    }

    @Test("without a predicate nothing is dropped")
    func defaultPredicate() throws {
        #expect(try SearchQueryParser.parse("de la ccss").required.count == 3)
    }
}
