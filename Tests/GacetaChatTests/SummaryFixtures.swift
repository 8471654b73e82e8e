import GacetaCore
import TestSupport

/// Notices of a made-up edition: each with a heading line, a few sentences per page drawn from a pool (so the
/// words of a bullet can be looked up on its page), and its type, institution and pages as the test chooses.
enum SummaryFixtures {
    static let sentencePool = [
        "Artículo 1°—Se fija la tarifa del servicio de agua potable para el cantón de Escazú en ₡1.250 por metro cúbico.",
        "El Ministerio de Salud vigilará el cumplimiento de las normas sanitarias en los comedores escolares del país.",
        "Se convoca a licitación pública para la compra de 40 vehículos destinados a la policía de tránsito.",
        "Se cita y emplaza a todos los herederos y legatarios para que dentro del plazo de quince días se presenten.",
        "La presente resolución rige a partir de su publicación en el diario oficial y deroga la anterior.",
        "Se autoriza a la Municipalidad de Cartago a donar un terreno de 500 metros cuadrados a la escuela local.",
        "Los interesados podrán presentar sus ofertas hasta las diez horas del día 12 de agosto del presente año.",
        "Se reforma el artículo 7 del reglamento de becas estudiantiles para ampliar el monto mensual a ₡45.000.",
        "El Consejo Nacional de Vialidad informa que la ruta 27 permanecerá cerrada durante tres fines de semana.",
        "Notifíquese a la parte interesada que cuenta con un plazo de ocho días hábiles para interponer recursos.",
    ]

    /// A notice whose pages `first…first+pages-1` each hold three sentences of the pool (picked by `random`).
    static func notice(
        _ index: Int, type: String, identifier: String? = nil, institution: String? = nil, first: Int,
        pages: Int = 1, random: inout SeededGenerator
    ) -> SummaryNotice {
        let heading = [type.uppercased(), identifier.map { "N° \($0)" }].compactMap { $0 }.joined(separator: " ")
        let parts = (first..<(first + pages)).map { page in
            let sentences = (0..<3).map { _ in sentencePool.randomElement(using: &random) ?? "" }
            let body = sentences.joined(separator: " ")
            return SummaryNotice.Page(
                index: page, printedNumber: "\(page + 1)", text: page == first ? heading + "\n" + body : body)
        }
        return SummaryNotice(
            documentID: Int64(100 + index), key: "IN2024\(String(format: "%06d", index))", noticeIndex: index,
            title: heading, type: type, identifier: identifier, institution: institution, pages: parts)
    }

    static func source(_ notices: [SummaryNotice]) -> SummarySource {
        SummarySource(date: "2024-07-15", editionNumber: "129", publication: "La Gaceta", notices: notices)
    }
}
