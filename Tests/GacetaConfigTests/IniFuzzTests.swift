import Testing
import TestSupport

@testable import GacetaConfig

/// Issue 15, fuzzing as a routine: seeded random INI texts (`Fuzz.iterations`): every entry, section and syntax
/// error carries a line of the text, and a key is never empty.
@Suite struct IniFuzzTests {
    @Test func randomIniTexts() {
        var generator = SeededGenerator(seed: 0x696e_69)
        let fragments = [
            "[server]", "[pool]", "[", "]", "[ a b ]", "\n", "\r\n", "key", "workers", " = ", "=", "\"", "\\", "\\\"",
            "'", "#", ";", " ", "\t", "${", "}", "${server.listen}", "4", "é", "\u{0}", "\u{FEFF}", "[[x]]", "a.b",
        ]
        var (clean, withErrors) = (0, 0)
        for _ in 0..<Fuzz.iterations {
            let text = Fuzz.text(fragments, pieces: 0...40, using: &generator)
            let document = IniParser.parse(text)
            let lines = max(1, text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count)
            let entries = document.sections.flatMap(\.entries) + document.entriesOutsideSections
            #expect(entries.allSatisfy { (1...lines).contains($0.line) && !$0.key.isEmpty }, "\(text.debugDescription)")
            #expect(document.sections.allSatisfy { (1...lines).contains($0.line) }, "\(text.debugDescription)")
            #expect(
                document.errors.allSatisfy { (1...lines).contains($0.line) && !$0.problem.isEmpty },
                "\(text.debugDescription)")
            if document.errors.isEmpty { clean += 1 } else { withErrors += 1 }
        }
        Fuzz.report("INI", accepted: clean, refused: withErrors)
    }
}
