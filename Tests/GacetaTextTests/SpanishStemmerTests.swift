import GacetaText
import Testing

@Suite struct SpanishStemmerTests {
    let stemmer = SpanishStemmer()

    @Test func pluralAndAccentShareStem() {
        #expect(stemmer.stem("canciones") == stemmer.stem("canción"))
        #expect(stemmer.stem("canción") == stemmer.stem("cancion"))
    }

    @Test func publicoVariants() {
        let stem = stemmer.stem("público")
        #expect(stemmer.stem("publico") == stem)
        #expect(stemmer.stem("públicos") == stem)
        #expect(stemmer.stem("pública") == stem)
    }

    @Test func licitaciones() {
        let stem = stemmer.stem("licitaciones")
        #expect(stemmer.stem("licitación") == stem)
        #expect(stemmer.stem("licitacion") == stem)
        #expect(stemmer.stem("LICITACIÓN") == stem)
    }

    @Test func logiaSuffix() {
        #expect(stemmer.stem("tecnologías") == stemmer.stem("tecnologia"))
    }

    @Test func stemsAreFolded() {
        for word in ["acción", "árboles", "niños", "económicas", "publicará"] {
            let stem = stemmer.stem(word)
            #expect(stem == TextFolding.fold(stem), "\(word) → \(stem)")
        }
    }

    @Test func byteInterfaceMatchesStringInterface() {
        var word = "contrataciones"
        let stem = word.withUTF8 { String(decoding: stemmer.stem(bytes: $0), as: UTF8.self) }
        #expect(stem == stemmer.stem("contrataciones"))
        // Repeated calls (served from the cache) give the same answer.
        let again = word.withUTF8 { String(decoding: stemmer.stem(bytes: $0), as: UTF8.self) }
        #expect(again == stem)
    }

    @Test func emptyAndLongWords() {
        #expect(stemmer.stem("") == "")
        let long = String(repeating: "administracion", count: 20)
        #expect(!stemmer.stem(long).isEmpty)
    }
}
