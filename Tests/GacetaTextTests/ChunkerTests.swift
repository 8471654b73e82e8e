import GacetaText
import Testing

@Suite struct ChunkerTests {
    /// A page of `paragraphs` paragraphs of numbered sentences, each word unique so it can be looked up.
    private func page(paragraphs: Int, sentencesPerParagraph: Int) -> String {
        var text = ""
        var word = 0
        for paragraph in 0..<paragraphs {
            for sentence in 0..<sentencesPerParagraph {
                var words: [String] = []
                for _ in 0..<(6 + (paragraph * 7 + sentence * 3) % 14) {
                    words.append("palabra\(word)")
                    word += 1
                }
                text += "La " + words.joined(separator: " ") + ". "
                if sentence % 4 == 3 { text += "\n" }
            }
            text += "\n\n"
        }
        return text
    }

    private func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
    }

    @Test func shortPageGivesOneChunk() {
        #expect(Chunker().chunks(of: "Un texto  corto.\nCon dos líneas.") == ["Un texto corto. Con dos líneas."])
    }

    @Test func blankPageGivesNoChunks() {
        #expect(Chunker().chunks(of: "").isEmpty)
        #expect(Chunker().chunks(of: " \n\n \t ").isEmpty)
    }

    @Test func repairsHyphenationAndWhitespace() {
        let text = "La admi-\nnistración   pública\ndel país.\n\n\nOtro   párrafo Costa-\nRica."
        #expect(Chunker().chunks(of: text) == ["La administración pública del país.\n\nOtro párrafo Costa-Rica."])
    }

    @Test(arguments: [(1000, 150), (300, 50), (120, 40), (50, 0)])
    func sizesOverlapAndCoverage(target: Int, overlap: Int) {
        let text = page(paragraphs: 12, sentencesPerParagraph: 9)
        let chunker = Chunker(targetSize: target, overlap: overlap)
        let chunks = chunker.chunks(of: text)
        #expect(chunks.count > 3)
        for (index, chunk) in chunks.enumerated() {
            let size = chunk.unicodeScalars.count
            #expect(!chunk.isEmpty)
            #expect(chunk.trimmingPrefixWhitespace == chunk)
            #expect(size <= target, "chunk \(index) has \(size) characters")
            if index < chunks.count - 1 {
                #expect(size >= target / 3, "chunk \(index) has only \(size) characters")
            }
        }
        if overlap > 0 {
            for index in 1..<chunks.count {
                let previous = chunks[index - 1]
                let shared =
                    (1...min(previous.count, chunks[index].count)).last {
                        previous.hasSuffix(chunks[index].prefix($0))
                    } ?? 0
                #expect(shared >= overlap / 3, "chunks \(index - 1) and \(index) share \(shared) characters")
                #expect(shared <= overlap + 1)
            }
        }
        let chunkWords = Set(chunks.flatMap(words))
        for word in words(text) {
            #expect(chunkWords.contains(word), "\(word) is missing")
        }
    }

    @Test func cutsAtParagraphsWhenPossible() {
        let paragraph = String(repeating: "Frase de prueba completa. ", count: 12)  // ~310 characters
        let text = Array(repeating: paragraph, count: 6).joined(separator: "\n\n")
        let chunks = Chunker(targetSize: 1000, overlap: 0).chunks(of: text)
        for chunk in chunks.dropLast() {
            #expect(chunk.hasSuffix("completa."))
        }
        #expect(chunks.count == 2)
    }

    @Test func splitsHugeSentencesAndWords() {
        let sentence = (0..<400).map { "w\($0)" }.joined(separator: " ")
        let word = String(repeating: "x", count: 2500)
        let chunks = Chunker(targetSize: 500, overlap: 60).chunks(of: sentence + " " + word + " fin")
        for chunk in chunks {
            #expect(chunk.unicodeScalars.count <= 500)
            #expect(!chunk.isEmpty)
        }
        let joined = chunks.joined(separator: " ")
        #expect(joined.contains("w399"))
        #expect(joined.hasSuffix("fin"))
    }
}

extension String {
    fileprivate var trimmingPrefixWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

@Suite struct NormalizedPageTextTests {
    @Test func everySentenceOfEveryChunkIsVerbatimInTheNormalizedPage() {
        let page = """
            El Consejo   aprobó la admi-
            nistración del fondo. Se publica hoy.

            Segundo párrafo con una línea
            partida y Costa-
            Rica en medio. Otra oración aquí.
            """
        let chunker = Chunker(targetSize: 60, overlap: 20)
        let normalized = chunker.normalizedText(of: page)
        #expect(normalized.contains("administración"))
        #expect(normalized.contains("\n\n"))
        for chunk in chunker.chunks(of: page) {
            for sentence in SentenceSplitter.sentences(chunk) {
                #expect(normalized.contains(sentence), "\(sentence)")
            }
        }
    }
}
