import GacetaText
import Testing

/// A notice's signature block (≤ 4 short lines) and its closing marks are never quotable; what stands before
/// them, even a short article, is.
@Suite struct SignatureBlockTests {
    static func content(_ paragraphs: [String]) -> [String?] {
        SignatureBlock.content(of: paragraphs.map(SentenceSplitter.sentences)).map { $0.map(String.init) }
    }

    @Test func theLinesBeforeTheClosingMarksAreCut() {
        let result = Self.content([
            "Artículo 3°—Rige a partir de su publicación. RODRIGO CHAVES ROBLES.—La Ministra de Economía, Industria "
                + "y Comercio, Laura Pacheco Oreamuno.—1 vez.—O. C. N° 4600085479.—Solicitud N° 519417.—"
                + "( IN2024862101 ) N° 44601-MOPT EL PRESIDENTE DE LA REPÚBLICA, en uso de sus facultades, decreta."
        ])
        #expect(result.first == "Artículo 3°—Rige a partir de su publicación.")
        #expect(!result.contains { $0?.contains("Pacheco") == true }, "\(result)")
        #expect(!result.contains { $0?.contains("IN2024862101") == true }, "\(result)")
        #expect(result.last == "N° 44601-MOPT EL PRESIDENTE DE LA REPÚBLICA, en uso de sus facultades, decreta.")
    }

    @Test func shortParagraphsThatCloseANoticeAreASignature() {
        let result = Self.content([
            "La Municipalidad de Cartago convoca a la audiencia pública del 12 de agosto sobre las ciclovías.",
            "Lic. Marta Solís Vargas",
            "Alcaldesa Municipal",
            "1 vez.—( IN2024862199 )",
        ])
        #expect(
            result.compactMap { $0 } == [
                "La Municipalidad de Cartago convoca a la audiencia pública del 12 de agosto sobre las ciclovías."
            ])
    }

    @Test func atMostFourLinesAndNoneWithoutClosingMarks() {
        let lines = (1...6).map { "Línea breve número \($0)" }
        let closed = Self.content(lines + ["(76748)"])
        #expect(closed.compactMap { $0 } == Array(lines.prefix(2)), "only the last 4 short lines are a signature")
        let open = Self.content(lines)
        #expect(open.compactMap { $0 } == lines, "no closing marks: no signature")
    }
}
