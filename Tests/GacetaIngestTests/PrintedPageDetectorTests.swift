import GacetaIngest
import Testing

@Suite struct PrintedPageDetectorTests {
    private func page(header: String?, body: String, footer: String?) -> String {
        [header, body, footer].compactMap { $0 }.joined(separator: "\n\n")
    }

    @Test func headerNumbersBesideTheEditionLine() {
        let pages = [
            page(header: "Pág 12    La Gaceta Nº 129 — Lunes 15 de julio del 2024", body: "Texto uno.", footer: nil),
            page(header: "La Gaceta Nº 129 — Lunes 15 de julio del 2024    Pág 13", body: "Texto dos.", footer: nil),
            page(header: "Pág. 14\nLa Gaceta Nº 129 — Lunes 15 de julio del 2024", body: "Texto tres.", footer: nil),
        ]
        #expect(PrintedPageDetector.detect(pages) == ["12", "13", "14"])
    }

    @Test func footerNumbersInSeveralStyles() {
        let pages = [
            page(header: nil, body: "Artículo 1.- Objeto.", footer: "- 3 -"),
            page(header: nil, body: "Artículo 2.- Ámbito.", footer: "4"),
            page(header: nil, body: "Artículo 3.- Vigencia.", footer: "Página 5"),
            page(header: nil, body: "Artículo 4.- Derogatoria.", footer: "Página 6/24"),
        ]
        #expect(PrintedPageDetector.detect(pages) == ["3", "4", "5", "6"])
    }

    @Test func distractingYearsDatesAndNumbersAreIgnored() {
        let header = "La Gaceta Nº 129 — Lunes 15 de julio del 2024"
        let pages = [
            page(header: header, body: "Decreto 44-2024 del 12 de julio de 2024.", footer: "2024\n21"),
            page(header: header + "\n22", body: "Ley Nº 7727.", footer: "Rige a partir del 1 de agosto de 2024"),
            page(header: header, body: "Texto.", footer: "1. Primer inciso\n23"),
        ]
        #expect(PrintedPageDetector.detect(pages) == ["21", "22", "23"])
    }

    @Test func pageMissingItsNumberGetsNil() {
        let pages = [
            page(header: "10", body: "Uno.", footer: nil),
            page(header: nil, body: "Página de anuncios sin número.", footer: nil),
            page(header: "12", body: "Tres.", footer: nil),
            page(header: "13", body: "Cuatro, con el artículo 77 al final\n99", footer: nil),
        ]
        #expect(PrintedPageDetector.detect(pages) == ["10", nil, "12", "13"])
    }

    @Test func noAgreementMeansNoNumbers() {
        let pages = ["Artículo 5\nTexto.\n7", "Texto sin número.", "Otro texto.\n40"]
        #expect(PrintedPageDetector.detect(pages) == [nil, nil, nil])
    }

    @Test func singlePageTrustsItsNumberButNotAYear() {
        #expect(PrintedPageDetector.detect(["Texto.\n\n- 48 -"]) == ["48"])
        #expect(PrintedPageDetector.detect(["Texto.\n\n2024"]) == [nil])
        #expect(PrintedPageDetector.detect([""]) == [nil])
    }

    @Test func onlyEdgeLinesCount() {
        let body = (1...10).map { "línea \($0) del cuerpo" }.joined(separator: "\n")
        let pages = ["1\n" + body, body.insertingInTheMiddle("2"), "texto\n" + body + "\n3\n"]
        #expect(PrintedPageDetector.detect(pages) == ["1", nil, "3"])
    }
}

extension String {
    /// The string with a line inserted in the middle, where the detector does not look.
    fileprivate func insertingInTheMiddle(_ middle: String) -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(middle, at: lines.count / 2)
        return lines.joined(separator: "\n")
    }
}
