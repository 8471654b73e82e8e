import GacetaIngest
import Testing

@Suite struct EditionDetectorTests {
    @Test(arguments: [
        "La Gaceta Nº 129 — Lunes 15 de julio del 2024",
        "LA GACETA N° 129 - LUNES 15 DE JULIO DEL 2024",
        "La Gaceta No. 129 – lunes 15 de julio de 2024",
        "La Gaceta N.º 129, 15 de julio de 2024",
        "La Gaceta Número 129 Lunes 15 de Julio del 2024",
        "la gaceta numero 129 lunes 15 de julio del 2024",
        "Pág 2    La Gaceta Nº 129 — Lunes 15 de julio del 2024",
        "DIARIO OFICIAL\nLa Gaceta\nAño CXLVI San José, Costa Rica, lunes 15 de julio del 2024 Nº 129 — 96 páginas",
    ])
    func editionLineVariants(_ line: String) throws {
        let edition = try #require(EditionDetector.fromText(line))
        #expect(edition.date == "2024-07-15")
        #expect(edition.number == "129")
    }

    @Test func accentsWeekdaysAndSetiembre() throws {
        let miercoles = try #require(EditionDetector.fromText("La Gaceta Nº 175 — Miércoles 18 de setiembre del 2024"))
        #expect(miercoles.date == "2024-09-18")
        #expect(miercoles.number == "175")
        let sabado = try #require(EditionDetector.fromText("LA GACETA Nº 3 — SÁBADO 7 DE SEPTIEMBRE DEL 2019"))
        #expect(sabado.date == "2019-09-07")
    }

    @Test func editionWithoutNumber() throws {
        let edition = try #require(EditionDetector.fromText("La Gaceta — martes 2 de enero de 2024"))
        #expect(edition.date == "2024-01-02")
        #expect(edition.number == nil)
    }

    @Test func rejectsImpossibleDatesAndOtherText() {
        #expect(EditionDetector.fromText("La Gaceta Nº 40 — 31 de febrero de 2024") == nil)
        #expect(EditionDetector.fromText("Ley Nº 7727 de 9 de diciembre de 1997") == nil)
        #expect(EditionDetector.fromText("") == nil)
    }

    @Test func onlyTheStartOfThePageIsSearched() {
        let padding = String(repeating: "texto de relleno ", count: 200)
        #expect(EditionDetector.fromText(padding + "La Gaceta Nº 1 — 2 de enero de 2024") == nil)
    }

    @Test(arguments: [
        ("COMP_15_07_2024.pdf", "2024-07-15"),
        ("/datos/2024/15-07-2024.pdf", "2024-07-15"),
        ("gaceta-2024-07-15.md", "2024-07-15"),
        ("20240715.pdf", "2024-07-15"),
        ("La_Gaceta_5_3_2024.txt", "2024-03-05"),
        ("ALCA_29_02_2024.pdf", "2024-02-29"),
    ])
    func dateFromFileName(_ name: String, _ expected: String) {
        #expect(EditionDetector.fromFileName(name) == expected)
    }

    @Test(arguments: ["COMP_31_02_2024.pdf", "29-02-2023.pdf", "codigo-civil.pdf", "20241340.pdf", "129.pdf"])
    func noDateInFileName(_ name: String) {
        #expect(EditionDetector.fromFileName(name) == nil)
    }
}
