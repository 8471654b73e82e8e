import GacetaChat
import GacetaCore
import Testing

/// How an offline answer names what it cites: the stored publication, a supplement as "Alcance Nº … a …", the
/// edition alone when the document is the whole edition; and never a notice's signature block.
@Suite struct AnswerWordingTests {
    let provider = ExtractiveProvider()
    static let fact = "Artículo 1°—Se declara de interés público la construcción del puente sobre el río Sarapiquí."

    func firstSentence(_ hit: SearchHit) throws -> (String, Citation) {
        let answer = try provider.answer(
            question: "¿Qué se declaró sobre el puente del río Sarapiquí?", history: [], passages: [hit],
            onToken: nil)
        return (answer.text, try #require(answer.citations.first))
    }

    @Test func aSupplementIsNamedByItsAlcanceNumber() throws {
        var hit = Fixtures.hit(Self.fact, page: 3, title: "Decreto N° 44601-MOPT")
        hit.alcanceNumber = "78"
        let (text, citation) = try firstSentence(hit)
        #expect(
            text.hasPrefix(
                "Según Decreto N° 44601-MOPT (Alcance Nº 78 a La Gaceta Nº 129, lunes 15 de julio del 2024, página 13)"),
            "\(text)")
        #expect(citation.reference == "Alcance Nº 78 a La Gaceta Nº 129 del 15 de julio del 2024, página 13")
        #expect(citation.page == 3)
        #expect(citation.printedPage == "13")
    }

    @Test func theStoredPublicationIsNamed() throws {
        var hit = Fixtures.hit(Self.fact, page: 3, title: "Proyecto de Ley 118 de 2026", edition: "1313")
        hit.publication = "Gaceta del Congreso"
        let (text, citation) = try firstSentence(hit)
        #expect(text.contains("(Gaceta del Congreso Nº 1313, lunes 15 de julio del 2024, página 13)"), "\(text)")
        #expect(citation.reference?.hasPrefix("Gaceta del Congreso Nº 1313 del 15 de julio del 2024") == true)
    }

    @Test func aWholeEditionIsNamedOnceByItsMasthead() throws {
        let hit = Fixtures.hit(
            Self.fact, page: 3, title: "Diario de Centro América Nº 29 — 12 de noviembre de 2013", edition: "29")
        let (text, citation) = try firstSentence(hit)
        #expect(
            text.hasPrefix("Según Diario de Centro América Nº 29, lunes 15 de julio del 2024, página 13, «"), "\(text)")
        #expect(citation.reference == "Diario de Centro América Nº 29 del 15 de julio del 2024, página 13")
    }

    @Test func aDecreeNumberIsNoPublicationName() throws {
        let (text, _) = try firstSentence(Fixtures.hit(Self.fact, page: 3, title: "Decreto N° 44601-MOPT"))
        #expect(text.contains("(La Gaceta Nº 129, lunes 15 de julio del 2024, página 13)"), "\(text)")
    }

    @Test func theSignatureBlockIsNeverQuoted() throws {
        let text =
            "\(Self.fact) RODRIGO CHAVES ROBLES.—El Ministro de Obras Públicas y Transportes, Mauricio Batalla "
            + "Otárola, a cargo del puente.—1 vez.—O. C. N° 4600085479.—( IN2024862102 )"
        let answer = try provider.answer(
            question: "¿Qué ministro firmó lo del puente sobre el río Sarapiquí?", history: [],
            passages: [Fixtures.hit(text, page: 3)], onToken: nil)
        #expect(!answer.citations.contains { $0.quote.contains("Batalla") }, "\(answer.text)")
        #expect(!answer.citations.contains { $0.quote.contains("IN2024862102") }, "\(answer.text)")
        #expect(answer.citations.first?.quote == Self.fact)
    }
}
