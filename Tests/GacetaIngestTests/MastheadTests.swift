import GacetaIngest
import Testing

@Suite struct MastheadTests {
    @Test func costaRicanCover() throws {
        let masthead = try #require(
            MastheadReader.read(pages: [
                """
                LA GACETA
                DIARIO OFICIAL
                La Uruca, San José, Costa Rica, lunes 15 de julio del 2024
                AÑO CXLVI Nº 129 92 páginas
                CONTENIDO
                Decreto N° 44123-MP .......... 2
                """
            ]))
        #expect(masthead.date == "2024-07-15")
        #expect(masthead.number == "129")
        #expect(masthead.publication == "La Gaceta")
        #expect(masthead.kind == .regular)
        #expect(masthead.title == "La Gaceta Nº 129 — 15 de julio de 2024")
    }

    @Test func congressGazetteWithLetterSpacedName() throws {
        let masthead = try #require(
            MastheadReader.read(pages: [
                """
                REPÚBLICA   DE   COLOMBIA
                G a c e t a  d e l  C o n g r e s o
                SENADO Y CÁMARA
                (Artículo 36,  Ley 5ª de 1992)
                I S S N  0 1 2 3  -  9 0 6 6
                AÑO XXXV - Nº 1346
                    Bogotá, D. C., lunes, 21 de septiembre de 2026
                 EDICIÓN  DE  24  PÁGINAS
                """,
                "Página 2\nLunes, 21 de septiembre de 2026\nGaceta del Congreso  1346\ntexto",
            ]))
        #expect(masthead.date == "2026-09-21")
        #expect(masthead.number == "1346")
        #expect(masthead.publication == "Gaceta del Congreso")
    }

    /// pdftotext gives a letter-spaced name either spaced or with every space lost, depending on the gaps: the cover
    /// of a Gaceta del Congreso set with groff reads «GacetadelCongreso».
    @Test func congressGazetteWithItsNameRunTogether() throws {
        let masthead = try #require(
            MastheadReader.read(pages: [
                """
                REPÚBLICA DE COLOMBIA
                GacetadelCongreso
                SENADO Y CÁMARA
                (Artículo 36, Ley 5ª de 1992)
                ISSN0123-9066
                AÑO XXXV - Nº 1313
                Bogotá, D. C., jueves, 17 de septiembre de 2026
                """,
                "Página 2 Jueves, 17 de septiembre de 2026 Gaceta del Congreso 1313\ntexto",
            ]))
        #expect(masthead.number == "1313")
        #expect(masthead.publication == "Gaceta del Congreso")
        // Run together in capitals, and a longer name; a word that only starts like one is no name.
        let names = ["LAGACETA", "DiarioOficialdelaFederación", "BoletínOficialdelEstado", "Gacetas"].map {
            MastheadReader.read(pages: ["\($0)\nAÑO 1 - Nº 7\nLunes 15 de julio del 2024"])?.publication
        }
        #expect(names == ["La Gaceta", "Diario Oficial de la Federación", "Boletín Oficial del Estado", nil])
    }

    @Test func guatemalanCoverReadFromTheRunningHeader() throws {
        // The cover's date is OCR noise ("de201a"); page 2's running header prints it.
        let masthead = try #require(
            MastheadReader.read(pages: [
                """
                ÓRGANO OFICIAL DE LA REPÚBLICA DE GUATEMALA, C. A.
                MARTES 12 de noviembre de201aNo. 29 Tomo ccxcvm
                DECRETO NÚMERO 13-2013
                """,
                """
                2
                Guatemala, MARTES 12 de noviembre 2013
                DIARIO de CENTRO AMÉRICA
                NÚMER029
                se lleve a cabo con racionalidad
                """,
            ]))
        #expect(masthead.date == "2013-11-12")
        #expect(masthead.number == "29")
        #expect(masthead.publication == "Diario de Centro América")
    }

    @Test func alcanceFromTextAndFromFileName() throws {
        let fromText = try #require(
            MastheadReader.read(pages: ["ALCANCE Nº 78 A LA GACETA Nº 113\nMiércoles 15 de julio del 2024\nTexto"]))
        #expect(fromText.kind == .alcance)
        #expect(fromText.alcanceNumber == 78)
        #expect(fromText.number == "113")
        #expect(fromText.title == "Alcance Nº 78 a La Gaceta Nº 113 — 15 de julio de 2024")

        let fromName = try #require(
            MastheadReader.read(
                pages: ["La Gaceta\nlunes 15 de julio del 2024\nTexto del alcance"],
                fileName: "pub/2024/07/15/ALCA78_15_07_2024.pdf"))
        #expect(fromName.kind == .alcance)
        #expect(fromName.alcanceNumber == 78)
        #expect(EditionFileName(path: "ALCA78_15_07_2024.pdf").alcanceNumber == 78)
        #expect(EditionFileName(path: "COMP_15_07_2024.pdf").kind == .regular)
        #expect(EditionFileName(path: "COMP_15_07_2024.pdf").date == "2024-07-15")
    }

    @Test func placeholderHasADateButNoNumber() throws {
        let masthead = try #require(
            MastheadReader.read(pages: ["La Gaceta\nDiario Oficial\nViernes 25 de julio del 2025\nFeriado"]))
        #expect(masthead.number == nil)
        #expect(masthead.isPlaceholder(pageCount: 1))
        #expect(!masthead.isPlaceholder(pageCount: 4))
    }

    @Test(arguments: [
        "LEY DE RESOLUCIÓN ALTERNA DE CONFLICTOS\nN° 7727\nLa Asamblea Legislativa decreta, el 9 de diciembre de 1997",
        "Constitución Política de la República de Costa Rica\n7 de noviembre de 1949",
        "Texto sin fecha y sin número alguno",
        "CÓDIGO CIVIL\nLey N° 63 del 28 de setiembre de 1887",
    ])
    func lawsAndCodesAreNotGazettes(_ firstPage: String) {
        #expect(MastheadReader.read(pages: [firstPage, "Artículo 1. Texto."]) == nil)
    }

    @Test func decreeNumbersOnTheCoverAreNotTheEditionNumber() throws {
        let masthead = try #require(
            MastheadReader.read(pages: ["La Gaceta\nDecreto N° 44123-MP\nlunes 15 de julio del 2024\nNº 129"]))
        #expect(masthead.number == "129")
    }
}
