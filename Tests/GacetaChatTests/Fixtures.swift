import GacetaChat
import GacetaCore

/// Passages with known facts on known pages, as the search would return them.
enum Fixtures {
    static func hit(
        _ text: String, page: Int, document: Int64 = 10, title: String = "Decreto Ejecutivo N° 44123-MEIC",
        date: String = "2024-07-15", edition: String? = "129", chunk: Int64? = nil
    ) -> SearchHit {
        SearchHit(
            documentID: document, documentTitle: title, section: "Poder Ejecutivo", type: "Decreto",
            editionDate: date, editionNumber: edition, page: page, printedPage: "\(page + 10)",
            chunkID: chunk ?? Int64(page * 100), snippet: text, text: text, score: -Double(10 - page))
    }

    /// The decree on school shoes: the price is fixed on page 3, the date it takes effect on page 4.
    static let shoesPrice = hit(
        """
        Considerando que es necesario proteger a las familias durante el inicio del curso lectivo.

        Artículo 1°—Se fija un precio máximo de venta al consumidor de ₡18.500 para el calzado escolar \
        de cuero negro, tallas 28 a 42. Los comercios deberán exhibir dicho precio en un lugar visible.
        """, page: 3)
    static let shoesEffect = hit(
        """
        Artículo 5°—Este decreto entra en vigencia el 1 de agosto de 2024 y regirá por seis meses. \
        Las infracciones al precio del calzado escolar se sancionarán según la Ley N° 7472.
        """, page: 4)
    static let fuel = hit(
        """
        La Autoridad Reguladora de los Servicios Públicos fija las tarifas de los combustibles. \
        El precio de la gasolina súper baja ₡12 por litro a partir de su publicación.
        """, page: 7, document: 11, title: "ARESEP RE-0045-IE-2024", date: "2024-07-16", edition: "130")
    static let fishing = hit(
        """
        El Instituto Costarricense de Pesca y Acuicultura establece la veda de la pesca de camarón en el \
        Golfo de Nicoya del 1 de mayo al 31 de julio.
        """, page: 12, document: 12, title: "INCOPESCA AJDIP-123-2024", date: "2024-07-16", edition: "130")

    static let passages = [shoesPrice, shoesEffect, fuel]
    /// Passages whose reranked order does not depend on fine weights: the price of school shoes first (it holds
    /// every word of `ChatServiceTests.question`), the fuel prices second (only "precio"), fishing last.
    static let priceFirst = [shoesPrice, fuel, fishing]

    static func turn(_ question: String, _ text: String = "Respuesta anterior [1].") -> ConversationTurn {
        ConversationTurn(
            question: question, answer: Answer(text: text, citations: [], provider: "extractive"),
            createdAt: "2024-07-20T10:00:00Z")
    }
}
