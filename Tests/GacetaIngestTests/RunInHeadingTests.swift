import GacetaIngest
import Testing

/// A heading in capitals that runs into the notice's first sentence on one line (a page's lines are joined) is the
/// notice's title, not the heading and the sentence together.
@Suite struct RunInHeadingTests {
    static let pages = [
        """
        EDICTOS
        JUZGADO CIVIL DE CARTAGO Se cita y emplaza a todos los herederos de quien en vida se llamó Ana Rodríguez Araya.
        Se concede un plazo de treinta días.
        ( IN2024835499 )
        AVISOS
        Se avisa que la señora Marta Solano Vargas solicita la reposición del título de bachiller.
        ( IN2024835500 )
        """
    ]

    @Test func theHeadingIsTheTitle() {
        let notices = NoticeSplitter.split(pages: Self.pages, masthead: nil).notices.filter { $0.type != .sumario }
        #expect(
            notices.map(\.title) == [
                "JUZGADO CIVIL DE CARTAGO",
                "Se avisa que la señora Marta Solano Vargas solicita la reposición del título de bachiller.",
            ])
    }
}
