@testable import GacetaIngest
import Testing

/// A sentence that runs over a page break is stored whole on the page where it starts; a heading that ends a page
/// does not pull the next page's first sentence back onto its page (that sentence would be cited a page early).
@Suite struct PageBreakCarryTests {
    @Test func proseCutByThePageBreakIsCarriedBack() {
        let parts = [
            Notice.Part(page: 3, text: "Artículo 2°—Las personas empleadoras deberán pagar\nla diferencia a partir"),
            Notice.Part(page: 4, text: "del 1° de julio del 2024. Artículo 3°—Rige a partir de su publicación."),
        ]
        let carried = EditionDocuments.carryingSentences(parts)
        #expect(carried.map(\.page) == [3, 4])
        #expect(carried[0].text == parts[0].text + "\ndel 1° de julio del 2024.")
        #expect(carried[1].text == "Artículo 3°—Rige a partir de su publicación.")
    }

    /// The section heading «CONVOCATORIAS» closes page 5; the notice's heading and first sentence are printed on
    /// page 6 and stay there.
    @Test(arguments: ["CONVOCATORIAS", "AVISOS\nMUNICIPALIDAD DE ESCAZÚ"])
    func aHeadingThatEndsAPageStaysAlone(heading: String) {
        let next =
            "COLEGIO DE INGENIEROS AGRÓNOMOS DE COSTA\nRICA\nSe convoca a la Asamblea General Extraordinaria N°\n"
            + "03-2024, que se celebrará el sábado 10 de agosto del 2024.\nEl único punto de la agenda es el arancel."
        let parts = [Notice.Part(page: 5, text: heading), Notice.Part(page: 6, text: next)]
        #expect(EditionDocuments.carryingSentences(parts) == parts)
    }

    /// Prose ends page 5, but page 6 opens with a heading in capitals: nothing moves back.
    @Test func aPageThatOpensWithAHeadingKeepsItsFirstSentence() {
        let parts = [
            Notice.Part(page: 5, text: "Publíquese una vez en el diario oficial La Gaceta y en uno de circulación"),
            Notice.Part(page: 6, text: "MUNICIPALIDAD DE SAN CARLOS\nSe adjudica la recolección de residuos sólidos."),
        ]
        #expect(EditionDocuments.carryingSentences(parts) == parts)
    }
}
