import GacetaText
import Testing

@Suite struct TextFoldingTests {
    @Test func removesSpanishAccents() {
        #expect(TextFolding.fold("Canción") == "cancion")
        #expect(TextFolding.fold("áéíóú ÁÉÍÓÚ") == "aeiou aeiou")
    }

    @Test func foldsEnyeAndDieresis() {
        #expect(TextFolding.fold("NIÑO") == "nino")
        #expect(TextFolding.fold("Ü") == "u")
        #expect(TextFolding.fold("pingüino") == "pinguino")
    }

    @Test func lowercasesAndKeepsPunctuation() {
        #expect(TextFolding.fold("La GACETA, N° 525.") == "la gaceta, n° 525.")
        #expect(TextFolding.fold("plain ascii") == "plain ascii")
        #expect(TextFolding.fold("") == "")
    }

    @Test func foldsOtherLatinLetters() {
        #expect(TextFolding.fold("Çà È Ø ß Æ Œ Ł Š ž") == "ca e o ss ae oe l s z")
        #expect(TextFolding.fold("Nº") == "no")
    }

    @Test func dropsCombiningDiacritics() {
        #expect(TextFolding.fold("Cancio\u{301}n") == "cancion")
        #expect(TextFolding.fold("N\u{303}") == "n")
    }

    @Test func lowercasesNonLatinLetters() {
        #expect(TextFolding.fold("ΑΘΗΝΑ") == "αθηνα")
        #expect(TextFolding.fold("МОСКВА") == "москва")
        #expect(TextFolding.fold("東京") == "東京")
    }
}
