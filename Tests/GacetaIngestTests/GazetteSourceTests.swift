import GacetaIngest
import Testing

/// Gazette PDFs through `SourceParser`: the masthead gives the date and number, page text loses its running
/// headers, and a placeholder is refused as such.
@Suite struct GazetteSourceTests {
    @Test func congressGazetteDatedByItsMasthead() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let header = "Gaceta del Congreso \(Int.random(in: 1000...1999))"
        let path = try folder.pdf(
            "gaceta",
            ms: """
                .ds CH
                .ds LH \(header)
                .ds RH Página %
                .LP
                .ce 3
                G a c e t a   d e l   C o n g r e s o
                AÑO XXXV - Nº 1346
                Bogotá, D. C., lunes, 21 de septiembre de 2026
                .SH
                PROYECTO DE LEY NÚMERO 151 DE 2025 CÁMARA
                .PP
                Por medio de la cual se crea el fondo de reparación histórica.
                .br
                Párrafo segundo de la página.
                .br
                Párrafo tercero de la página.
                .br
                Párrafo cuarto de la página.
                .br
                Párrafo quinto de la página.
                .br
                Párrafo sexto de la página.
                .bp
                .PP
                Artículo 2. El fondo tendrá patrimonio autónomo.
                .br
                Párrafo segundo de la página.
                .br
                Párrafo tercero de la página.
                .br
                Párrafo cuarto de la página.
                .br
                Párrafo quinto de la página.
                .br
                Párrafo sexto de la página.
                .bp
                .PP
                Artículo 3. Rige desde su publicación.
                .br
                Párrafo segundo de la página.
                .br
                Párrafo tercero de la página.
                .br
                Párrafo cuarto de la página.
                .br
                Párrafo quinto de la página.
                .br
                Párrafo sexto de la página.
                .bp
                .PP
                Artículo 4. Deroga las disposiciones contrarias.
                .br
                Párrafo segundo de la página.
                .br
                Párrafo tercero de la página.
                .br
                Párrafo cuarto de la página.
                .br
                Párrafo quinto de la página.
                .br
                Párrafo sexto de la página.
                """)

        let source = try SourceParser.parse(path: path)

        #expect(source.date == "2026-09-21")
        #expect(source.editionNumber == "1346")
        #expect(source.publication == "Gaceta del Congreso")
        #expect(source.title == "Gaceta del Congreso Nº 1346 — 21 de setiembre de 2026")
        #expect(source.pages.count == 4)
        for page in source.pages.dropFirst() {
            #expect(!page.text.contains(header), "page \(page.index) keeps its running header")
            #expect(page.printedNumber == String(page.index))
        }
        #expect(source.pages[2].text.contains("Artículo 3. Rige desde su publicación."))
    }

    @Test func mastheadDateWinsOverTheFallback() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.pdf(
            "edicion", ms: ".LP\nLa Gaceta Nº 129 \\(em Lunes 15 de julio del 2024\n.PP\nTexto del decreto.")
        let source = try SourceParser.parse(path: path, fallbackDate: "2023-01-02")
        #expect(source.date == "2024-07-15")
    }

    @Test func placeholderIsRefusedAsSuch() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.pdf(
            "COMP_25_07_2025", ms: ".LP\n.ce 3\nLa Gaceta\nDiario Oficial\nViernes 25 de julio del 2025")
        do {
            _ = try SourceParser.parse(path: path)
            Issue.record("a placeholder was parsed as an edition")
        } catch {
            #expect(error.isPlaceholder)
            #expect(error.message.contains("placeholder"))
        }
    }
}
