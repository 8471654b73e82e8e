import GacetaText
import Testing

/// Random text through folding, sentence splitting and chunking: nothing crashes and the invariants hold.
@Suite struct RandomTextTests {
    private func randomText(_ generator: inout SeededGenerator) -> String {
        let pieces = [
            "Art. ", "palabra ", "niño ", "44.123", ". ", "? ", "; ", "\n", "\n\n", "admi-\n", "S.A. ", "  ", "Sr. ",
            "\u{AD}\n", "«cita.» ", "N° 5 ", "Ελλάδα ", "😀", "-", "x", "\t",
        ]
        var text = ""
        for _ in 0..<Int.random(in: 0..<400, using: &generator) {
            text += pieces.randomElement(using: &generator) ?? ""
        }
        return text
    }

    @Test(arguments: [21, 22, 23, 24])
    func chunkerAndSplitterInvariants(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        for _ in 0..<100 {
            let text = randomText(&generator)
            let target = Int.random(in: 16..<400, using: &generator)
            let chunks = Chunker(targetSize: target, overlap: Int.random(in: 0..<100, using: &generator))
                .chunks(of: text)
            for chunk in chunks {
                #expect(!chunk.isEmpty && chunk.unicodeScalars.count <= target)
            }
            #expect(chunks.isEmpty == text.allSatisfy(\.isWhitespace))
            for sentence in SentenceSplitter.sentences(text) {
                #expect(!sentence.isEmpty && sentence.first?.isWhitespace == false)
                #expect(sentence.last?.isWhitespace == false)
            }
            #expect(TextFolding.fold(TextFolding.fold(text)) == TextFolding.fold(text))
        }
    }
}
