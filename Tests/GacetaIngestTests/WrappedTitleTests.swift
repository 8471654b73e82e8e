import GacetaIngest
import Testing

/// A heading broken over two column lines at a hyphen is the notice's title, whole: the word joined when letters
/// meet («MODIFI-» / «CACIÓN» → «MODIFICACIÓN»), the hyphen kept when a number comes before it («44123-» / «MP»).
@Suite struct WrappedTitleTests {
    static let pages = [
        """
        REGLAMENTOS
        BANCO CENTRAL DE COSTA RICA
        REGLAMENTO DEL SISTEMA DE PAGOS, MODIFI-
        CACIÓN DEL ARTÍCULO 88
        La Junta Directiva del Banco Central de Costa Rica dispuso modificar el límite de las transferencias.
        ( IN2024862104 )
        PODER EJECUTIVO
        DECRETOS
        DECRETO EJECUTIVO N° 44123-
        MP
        EL PRESIDENTE DE LA REPÚBLICA Y EL MINISTRO DE LA PRESIDENCIA decretan lo siguiente.
        Artículo 1°—Se fija un precio máximo para el calzado escolar.
        ( IN2024862105 )
        """
    ]

    @Test func aHeadingBrokenAtAHyphenIsOneTitle() throws {
        let split = NoticeSplitter.split(pages: Self.pages, masthead: nil)
        let titles = split.notices.filter { $0.type != .sumario }.map(\.title)
        #expect(
            titles == [
                "REGLAMENTO DEL SISTEMA DE PAGOS, MODIFICACIÓN DEL ARTÍCULO 88", "DECRETO EJECUTIVO N° 44123-MP",
            ])
    }
}
