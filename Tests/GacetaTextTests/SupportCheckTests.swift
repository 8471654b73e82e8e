import GacetaText
import Testing

@Suite struct SupportCheckTests {
    let check = SupportCheck()
    static let passage = """
        Artículo 1°—Se fija un precio máximo de venta al consumidor de ₡18.500 para el calzado escolar de cuero \
        negro, según el Decreto Ejecutivo N° 44123-MEIC publicado en La Gaceta Nº 129 del 15 de julio de 2024.
        """

    @Test func aSentenceSayingWhatThePassageSaysIsSupported() {
        #expect(
            check.supports("Se fijó un precio máximo de ₡18.500 para el calzado escolar [1].", passage: Self.passage))
        #expect(check.supports("El Decreto Ejecutivo N° 44.123-MEIC fija el precio [2].", passage: Self.passage))
    }

    @Test func twoOfEightContentWordsAreNotEnough() {
        // Content words: precio, calzado, aumentó, considerablemente, durante, pandemia, según, comerciantes.
        let sentence =
            "El precio del calzado aumentó considerablemente durante la pandemia, dicen los comerciantes [1]."
        let terms = check.terms(sentence)
        #expect(terms.stems.count == 7, "\(terms.stems)")
        #expect(!check.supports(sentence, passage: Self.passage))
    }

    @Test func aNumberThatDiffersByOneDigitIsNotSupported() {
        #expect(
            !check.supports(
                "El Decreto Ejecutivo N° 44124-MEIC fija el precio máximo del calzado [1].",
                passage: Self.passage))
        #expect(
            !check.supports("Se fijó un precio máximo de ₡18.600 para el calzado escolar [1].", passage: Self.passage))
        #expect(!check.supports("Se fijó un precio máximo para el calzado escolar en 2025 [1].", passage: Self.passage))
    }

    @Test func markersAreNotNumbersOfTheSentence() {
        #expect(check.terms("Se fija el precio [12, 3].").numbers.isEmpty)
    }
}
