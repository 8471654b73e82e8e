import Testing

@testable import GacetaChat

/// Earlier questions go to the model cut like earlier answers: by characters, and by scalars, so that a cluster
/// of combining marks cannot carry a 600 KB "question" into every later prompt.
@Suite struct HistoryCutTests {
    @Test func earlierTextIsCutByCharactersAndByScalars() {
        let limit = OpenAIPrompt.historyAnswerLength
        #expect(OpenAIPrompt.cut("corto") == "corto")
        let long = String(repeating: "a", count: limit + 10)
        #expect(OpenAIPrompt.cut(long) == String(repeating: "a", count: limit) + " …")
        let marks = OpenAIPrompt.cut("x" + String(repeating: "\u{301}", count: 300_000))
        #expect(marks.unicodeScalars.count <= 4 * limit + 2, "\(marks.unicodeScalars.count) scalars")
    }
}
