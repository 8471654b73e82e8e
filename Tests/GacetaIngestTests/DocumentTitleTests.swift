import Testing

@testable import GacetaIngest

/// A law, code or constitution that is no gazette edition is titled by what its first pages print, not by its file's
/// name.
@Suite struct DocumentTitleTests {
    @Test func theInstrumentsNameUnderAnImprint() {
        let cover = "Editorial Digital\n\nImprenta Nacional\n"
        let record = """
            Constitución Política de la República de Costa Rica
            342.7286
            Costa Rica. Constitución
            Constitución Política de la República de Costa Rica [recurso
            electrónico] / comp. Vinicio Piedra Quesada – 1ª ed. – San José :
            """
        #expect(DocumentTitle.find(in: [cover, "\n", record]) == "Constitución Política de la República de Costa Rica")
    }

    @Test func aTitleWrappedAfterAFunctionWordIsJoined() {
        let page = """
            LEY SOBRE RESOLUCIÓN ALTERNA DE CONFLICTOS Y PROMOCIÓN DE LA
            PAZ SOCIAL
            No. 7727 de 09 de diciembre de 1997
            """
        #expect(
            DocumentTitle.find(in: [page]) == "LEY SOBRE RESOLUCIÓN ALTERNA DE CONFLICTOS Y PROMOCIÓN DE LA PAZ SOCIAL")
    }

    @Test func aNameWinsOverANumberAndAnEnactingFormula() {
        let page = """
            LEY 11922
            CÓDIGO PROCESAL PENAL
            (Texto Actualizado con las modificaciones introducidas por las Leyes 11.982, 12.059)
            """
        #expect(DocumentTitle.find(in: [page]) == "CÓDIGO PROCESAL PENAL")
        let enacted =
            "Nº 3284\nLA ASAMBLEA LEGISLATIVA DE LA REPÚBLICA DE COSTA RICA\nDECRETA:\nEl siguiente:\nCÓDIGO DE COMERCIO\n"
        #expect(DocumentTitle.find(in: [enacted]) == "CÓDIGO DE COMERCIO")
        let numbered = "DECRETO NÚMERO 101-97\nEl Congreso de la República de Guatemala.\nCONSIDERANDO:\n"
        #expect(DocumentTitle.find(in: [numbered]) == "DECRETO NÚMERO 101-97", "only a number: still the title")
    }

    @Test func bodyTextIsNoTitle() {
        let page = """
            Ley número XXX de 19 de abril de 1885, rige a partir del 01 de enero
            de 1888 según artículo 1 de la Ley 63 dictada por el Congreso.
            Decreto lo que sigue.
            """
        #expect(DocumentTitle.find(in: [page]) == nil)
        #expect(DocumentTitle.find(in: ["Informe anual de labores\nResumen\n"]) == nil)
    }
}
