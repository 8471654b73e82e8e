import GacetaIngest
import Testing

@Suite struct TextSourceTests {
    @Test func markdownWithFrontMatter() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.write(
            "decreto.md",
            """
            ---
            title: >-
              Reglamento sobre la protecci&oacute;n
              de datos personales
            identifier: CR-DE-37554
            publication_date: 2013-03-05
            rank: decreto
            source: "https://www.pgrweb.go.cr/scij/ejemplo"
            edition_number: 45
            ---
            # Decreto Ejecutivo N° 37554-JP   \r
            ## Capítulo I
            Artículo 1.- Objeto.\r
            """)

        let source = try SourceParser.parse(path: path, fallbackDate: "2000-01-01")

        #expect(source.kind == .markdown)
        #expect(source.title == "Reglamento sobre la protección de datos personales")
        #expect(source.identifier == "CR-DE-37554")
        #expect(source.date == "2013-03-05")
        #expect(source.type == "decreto")
        #expect(source.sourceURL == "https://www.pgrweb.go.cr/scij/ejemplo")
        #expect(source.editionNumber == "45")
        #expect(source.section == "Decreto Ejecutivo N° 37554-JP")
        #expect(
            source.pages == [
                ParsedPage(index: 1, text: "Decreto Ejecutivo N° 37554-JP\nCapítulo I\nArtículo 1.- Objeto.")
            ])
    }

    @Test func markdownPageMarkers() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.write(
            "gaceta_del_congreso_2024-03-01.md",
            """
            # Gaceta del Congreso 123

            ## Page 1
            Proyecto de ley número 45.

            ## Page 2

            ### Exposición de motivos
            Texto de la página dos.
            ## Página 3
            Final.
            """)

        let source = try SourceParser.parse(path: path)

        #expect(source.title == "Gaceta del Congreso 123")
        #expect(source.date == "2024-03-01")
        #expect(source.pages.map(\.index) == [1, 2, 3])
        #expect(source.pages.map(\.printedNumber) == ["1", "2", "3"])
        #expect(source.pages[0].text == "Gaceta del Congreso 123\n\nProyecto de ley número 45.")
        #expect(source.pages[1].text == "\nExposición de motivos\nTexto de la página dos.")
        #expect(source.pages[2].text == "Final.")
    }

    @Test func markdownWithoutFrontMatterUsesHeadingsAndFileName() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let headed = try folder.write("a.markdown", "# T&iacute;tulo\n\n## Poder Ejecutivo\n\nTexto.\n")
        let bare = try folder.write("nota_sin_titulo.MD", "Solo texto.\n")

        let withHeading = try SourceParser.parse(path: headed)
        #expect(withHeading.title == "Título")
        #expect(withHeading.section == "Poder Ejecutivo")
        #expect(withHeading.pages == [ParsedPage(index: 1, text: "T&iacute;tulo\n\nPoder Ejecutivo\n\nTexto.")])

        let plain = try SourceParser.parse(path: bare)
        #expect(plain.title == "nota_sin_titulo")
        #expect(plain.section == nil)
        #expect(plain.date == nil)
    }

    @Test func textWithFormFeedsAndEditionLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let header = "La Gaceta Nº 130 — Martes 16 de julio del 2024"
        let path = try folder.write(
            "extraido.txt",
            "\(header)\nPág 2\nPrimera página.  \r\n\u{0C}\(header)\nPág 3\nSegunda.\n\u{0C}"
                + "\(header)\nPág 4\nTercera.\n\u{0C}")

        let source = try SourceParser.parse(path: path)

        #expect(source.kind == .text)
        #expect(source.pages.count == 3)
        #expect(source.pages[0].text == "\(header)\nPág 2\nPrimera página.")
        #expect(source.pages.map(\.printedNumber) == ["2", "3", "4"])
        #expect(source.date == "2024-07-16")
        #expect(source.editionNumber == "130")
        #expect(source.title == "La Gaceta Nº 130 — 16 de julio de 2024")
    }

    @Test func emptyFilesAreErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let empty = try folder.write("vacio.txt", "\n \n")
        let onlyFrontMatter = try folder.write("solo.md", "---\ntitle: Nada\n---\n")

        #expect(throws: IngestError.self) { try SourceParser.parse(path: empty) }
        let error = #expect(throws: IngestError.self) { try SourceParser.parse(path: onlyFrontMatter) }
        #expect(error?.message.contains("no text") == true)
    }
}
