import GacetaIngest
import Testing

/// An institution's name wrapped over two column lines is the notice's institution, whole; the notice's title is
/// its first sentence, not the name's last word.
@Suite struct WrappedInstitutionTests {
    static let pages = [
        """
        CONVOCATORIAS
        COLEGIO DE INGENIEROS AGRÓNOMOS DE COSTA
        RICA
        Se convoca a la Asamblea General Extraordinaria N° 03-2024, que se celebrará el sábado 10 de agosto.
        El único punto de la agenda es la aprobación del nuevo arancel de honorarios.
        ( IN2024862110 )
        NOTIFICACIONES
        CAJA COSTARRICENSE DE SEGURO SOCIAL, SU-
        CURSAL DE TURRIALBA
        Por no ser posible la notificación en su domicilio, se procede a efectuar la siguiente publicación.
        ( IN2024717537 )
        """
    ]

    @Test func theNameEndsOnTheNextLine() throws {
        let split = NoticeSplitter.split(pages: Self.pages, masthead: nil)
        #expect(split.foundBoundaries)
        let notices = split.notices.filter { $0.type != .sumario }
        let college = "COLEGIO DE INGENIEROS AGRÓNOMOS DE COSTA RICA"
        let office = "CAJA COSTARRICENSE DE SEGURO SOCIAL, SUCURSAL DE TURRIALBA"
        #expect(notices.map(\.institution) == [college, office])
        #expect(notices.first?.title.hasPrefix("Se convoca a la Asamblea General Extraordinaria") == true)
        #expect(notices.last?.title.hasPrefix("Por no ser posible la notificación") == true)
        #expect(notices.first?.text.contains("COSTA\nRICA") == true, "the text keeps its lines")
    }
}
