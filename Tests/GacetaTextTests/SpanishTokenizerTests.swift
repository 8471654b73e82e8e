import GacetaText
import Testing

@Suite struct SpanishTokenizerTests {
    let tokenizer = SpanishTokenizer()

    @Test func foldsAndSplitsOnPunctuation() {
        #expect(tokenizer.terms("La CANCIÓN, del niño!", stem: false) == ["la", "cancion", "del", "nino"])
        #expect(tokenizer.terms("l'homme d’Artagnan", stem: false) == ["l", "homme", "d", "artagnan"])
        #expect(tokenizer.terms("correo@gaceta.go.cr", stem: false) == ["correo", "gaceta", "go", "cr"])
    }

    @Test func rangesPointAtOriginalText() {
        let text = "Él publicó «Año» señor"
        let bytes = Array(text.utf8)
        let tokens = tokenizer.collect(text)
        #expect(tokens.map(\.text) == ["el", "publico", "ano", "senor"])
        let originals = tokens.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(originals == ["Él", "publicó", "Año", "señor"])
    }

    @Test func stemsWhenAsked() {
        #expect(tokenizer.terms("licitaciones públicas") == tokenizer.terms("licitación publica"))
        #expect(tokenizer.terms("licitaciones", stem: false) == ["licitaciones"])
    }

    @Test func joinsNumbers() {
        #expect(tokenizer.terms("44.123 y 44123", stem: false) == ["44123", "y", "44123"])
        #expect(tokenizer.terms("1,500", stem: false) == ["1500"])
        #expect(tokenizer.terms("3,5%", stem: false) == ["35"])
        #expect(tokenizer.terms("N° 525", stem: false) == ["525"], "a number mark gives no token")
        #expect(tokenizer.terms("₡1.500.000,00.", stem: false) == ["150000000"])
        #expect(tokenizer.terms("artículos 1, 2 y 3.", stem: false) == ["articulos", "1", "2", "y", "3"])
        #expect(tokenizer.terms("fin.Inicio 5.a", stem: false) == ["fin", "inicio", "5", "a"])
    }

    @Test func numberRangeCoversSeparators() {
        let tokens = tokenizer.collect("Ley 44.123.")
        #expect(tokens.last == CollectedToken(text: "44123", range: 4..<10))
    }

    @Test func numbersAreNotStemmed() {
        #expect(tokenizer.terms("2020 casas", stem: true) == ["2020", "cas"])
        #expect(tokenizer.terms("ley29518", stem: true) == ["ley29518"])
    }

    @Test func truncatesLongTokens() {
        let long = String(repeating: "a", count: 100)
        let tokens = tokenizer.collect("x \(long) y")
        #expect(tokens.count == 3)
        #expect(tokens[1].text == String(repeating: "a", count: SpanishTokenizer.maxTokenLength))
        #expect(tokens[1].range == 2..<102)
    }

    @Test func truncatesOnScalarBoundary() {
        let long = "a" + String(repeating: "é", count: 40)  // 1 + 40 folded bytes... fold to "e"
        #expect(tokenizer.terms(long, stem: false) == ["a" + String(repeating: "e", count: 40)])
        let greek = "α" + String(repeating: "β", count: 40)  // 2 bytes per letter: 64 bytes = 32 letters
        let token = tokenizer.terms(greek, stem: false)
        #expect(token == ["α" + String(repeating: "β", count: 31)])
        #expect(token.first?.utf8.count == SpanishTokenizer.maxTokenLength)
    }

    @Test func emptyInputGivesNothing() {
        #expect(tokenizer.terms("").isEmpty)
        #expect(tokenizer.terms("   \n\t ").isEmpty)
        #expect(tokenizer.terms("¿¡...!?, — «»").isEmpty)
    }

    @Test func emitReturningFalseStops() {
        var seen: [String] = []
        Array("uno dos tres cuatro".utf8).withUnsafeBufferPointer { buffer in
            tokenizer.tokenize(buffer, stem: false) { token, _ in
                seen.append(String(decoding: token, as: UTF8.self))
                return seen.count < 2
            }
        }
        #expect(seen == ["uno", "dos"])
    }

    @Test func invalidUTF8Separates() {
        let bytes: [UInt8] =
            Array("ab".utf8) + [0xFF, 0xC3] + Array("cd".utf8) + [0xE2, 0x82] + Array("ef".utf8)
            + [0xC3]
        let tokens = tokenizer.collect(bytes, stem: false)
        #expect(tokens.map(\.text) == ["ab", "cd", "ef"])
        #expect(tokens.map(\.range) == [0..<2, 4..<6, 8..<10])
    }

    @Test func nonLatinLettersAndDigits() {
        #expect(tokenizer.terms("Ελλάδα МОСКВА 東京 ٣٤", stem: false) == ["ελλάδα", "москва", "東京", "34"])
        #expect(tokenizer.terms("m² x³", stem: false) == ["m2", "x3"])
    }

    @Test func softHyphenAndCombiningMarksDoNotSplit() {
        #expect(tokenizer.terms("admi\u{AD}nistración", stem: false) == ["administracion"])
        #expect(tokenizer.terms("cancio\u{301}n", stem: false) == ["cancion"])
    }

    @Test func queryAndDocumentAgree() {
        let document = tokenizer.terms("La Municipalidad adjudicó las Licitaciones Públicas N° 2024LN-000123")
        let query = tokenizer.terms("municipalidad licitacion publica")
        for term in query {
            #expect(document.contains(term), "\(term) in \(document)")
        }
    }
}
