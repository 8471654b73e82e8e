import GacetaText
import Testing

@Suite struct SpanishStopwordsTests {
    @Test func commonWordsAreStopwords() {
        for word in ["de", "la", "los", "del", "para", "que", "por", "con", "una", "en", "el", "y", "o", "a", "se"] {
            #expect(SpanishStopwords.contains(word), "\(word)")
        }
    }

    @Test func matchesAfterFolding() {
        #expect(SpanishStopwords.contains("Más"))
        #expect(SpanishStopwords.contains("DEL"))
        #expect(SpanishStopwords.contains("también"))
    }

    @Test func contentWordsAreNot() {
        for word in ["licitación", "ley", "gaceta", "decreto", "municipalidad", ""] {
            #expect(!SpanishStopwords.contains(word), "\(word)")
        }
    }
}
