import GacetaIngest
import Testing

@Suite struct PDFParsingTests {
    /// Three pages printed 12–14 with the page number and the edition line in the running header.
    static let gacetaSource = """
        .pn 12
        .ds LH Pág %
        .ds CH
        .ds RH La Gaceta Nº 129 — Lunes 15 de julio del 2024
        .LP
        PODER EJECUTIVO. Decreto sobre la protección del niño en la región.
        .bp
        .LP
        Segunda página: el año de la canción española.
        .bp
        .LP
        Tercera página con el artículo 14 del reglamento de 2024.
        """

    @Test func gacetaEditionPagesAndPrintedNumbers() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.pdf("edicion", ms: Self.gacetaSource)

        let source = try SourceParser.parse(path: path)

        #expect(source.kind == .pdf)
        #expect(source.pages.count == 3)
        #expect(source.pages.map(\.index) == [1, 2, 3])
        #expect(source.pages.map(\.printedNumber) == ["12", "13", "14"])
        #expect(source.pages[0].text.contains("protección del niño en la región"))
        #expect(source.pages[1].text.contains("Segunda página: el año de la canción española."))
        #expect(source.pages[2].text.contains("Tercera página"))
        #expect(!source.pages[0].text.contains("Segunda página"))
        #expect(source.date == "2024-07-15")
        #expect(source.editionNumber == "129")
        #expect(source.title == "La Gaceta Nº 129 — 15 de julio de 2024")
    }

    @Test func footerNumbersAndUppercaseEditionLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.pdf(
            "alcance",
            ms: """
                .pn 7
                .ds CH
                .ds LH LA GACETA N° 88 - MIÉRCOLES 18 DE SETIEMBRE DEL 2024
                .ds CF \\- % \\-
                .LP
                Resolución sobre el año lectivo.
                .bp
                .LP
                Página con texto y la fecha 1 de enero de 2025.
                .bp
                .LP
                Última página.
                """)

        let source = try SourceParser.parse(path: path)

        #expect(source.pages.map(\.printedNumber) == ["7", "8", "9"])
        #expect(source.date == "2024-09-18")
        #expect(source.editionNumber == "88")
        #expect(source.pages[0].text.contains("Resolución sobre el año lectivo."))
    }

    @Test func pdfTextKeepsPagesAndAccents() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.pdf("edicion", ms: Self.gacetaSource)

        let pages = try PDFText.pages(of: path)

        #expect(pages.count == 3)
        #expect(pages[1].contains("canción española"))
        #expect(!pages.contains { $0.contains("\r") || $0.hasSuffix(" ") })
    }

    @Test func pdfWithoutNumbersUsesFileNameForTitleAndDate() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.pdf(
            "COMP_16_07_2024",
            ms: """
                .ds CH
                .LP
                Primera hoja sin numeración alguna.
                .bp
                .LP
                Segunda hoja, también sin número.
                """)

        let source = try SourceParser.parse(path: path, fallbackDate: "2000-01-01")

        #expect(source.pages.count == 2)
        #expect(source.pages.allSatisfy { $0.printedNumber == nil })
        #expect(source.title == "COMP_16_07_2024")
        #expect(source.date == "2024-07-16")
        #expect(source.editionNumber == nil)
    }

    /// A code's PDF, a cover with the printer's name first: titled by the code's name on its next page, not by the
    /// file's name; the same text as a plain text file gets the same title.
    @Test func aCodeIsTitledByTheNameItPrints() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.pdf(
            "codigo_trabajo_digital_v3",
            ms: """
                .ds CH
                .LP
                Imprenta Nacional
                .bp
                .LP
                CÓDIGO DE TRABAJO
                .LP
                Artículo 1.—El presente Código regula los derechos y obligaciones de patronos y trabajadores.
                """)
        let source = try SourceParser.parse(path: path, fallbackDate: "2000-01-01")
        #expect(source.title == "CÓDIGO DE TRABAJO")
        let text = try folder.write(
            "codigo.txt", "Imprenta Nacional\n\u{0C}CÓDIGO DE TRABAJO\nArtículo 1.—El presente Código regula…\n")
        #expect(try SourceParser.parse(path: text, fallbackDate: "2000-01-01").title == "CÓDIGO DE TRABAJO")
    }

    @Test func fallbackDateIsUsedOnlyWhenTheFileHasNone() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.pdf("sin-fecha", ms: ".LP\nTexto sin fecha.\n")

        #expect(try SourceParser.parse(path: path).date == nil)
        #expect(try SourceParser.parse(path: path, fallbackDate: "2024-07-15").date == "2024-07-15")
        #expect(throws: IngestError.self) { try SourceParser.parse(path: path, fallbackDate: "2024-02-31") }
    }

    @Test func blankPDFIsAnErrorAboutOCR() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.blankPDF("escaneado", pages: 2)

        #expect(try PDFText.pages(of: path) == ["", ""])
        let error = #expect(throws: IngestError.self) { try SourceParser.parse(path: path) }
        #expect(error?.message.contains("no extractable text") == true)
        #expect(error?.path == path)
    }

    @Test func invalidPDFIsAnErrorNotACrash() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.write("roto.pdf", "esto no es un PDF\n")

        let error = #expect(throws: IngestError.self) { try SourceParser.parse(path: path) }
        #expect(error?.message.contains("pdftotext") == true)
        #expect(error?.description.hasPrefix(path) == true)
    }

    @Test func missingFileIsAnError() {
        let path = "/nonexistent/gaceta-ingest/La_Gaceta_129.pdf"
        #expect(throws: IngestError.self) { try SourceParser.parse(path: path) }
        let error = #expect(throws: IngestError.self) { try SourceParser.parse(path: "/nonexistent/nota.md") }
        #expect(error?.message.contains("No such file") == true)
    }
}
