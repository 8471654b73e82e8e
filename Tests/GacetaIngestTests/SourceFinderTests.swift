import GacetaIngest
import Testing

@Suite struct SourceFinderTests {
    @Test func expandsFoldersSortedAndFiltered() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        for name in [
            "b/2024/COMP_15_07_2024.PDF", "b/2024/notas.txt", "a.md", "b/leeme.markdown", "b/imagen.png",
            "b/.oculto/x.pdf", "c/datos.json", "b/sin_extension",
        ] {
            try folder.write(name, "x")
        }
        let root = folder.path

        let files = try SourceFinder.files(in: [root + "/b", root + "/a.md", root + "/b/", root + "/c"])

        #expect(
            files == [
                root + "/a.md", root + "/b/2024/COMP_15_07_2024.PDF", root + "/b/2024/notas.txt",
                root + "/b/leeme.markdown",
            ])
    }

    @Test func missingPathIsAnErrorNamingIt() throws {
        let missing = "/nonexistent/gaceta-ingest/carpeta"
        let error = #expect(throws: IngestError.self) { try SourceFinder.files(in: [missing]) }
        #expect(error?.path == missing)
        #expect(error?.description.contains("No such file or directory") == true)
    }

    @Test func unsupportedExplicitFileIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.write("acta.docx", "x")
        let error = #expect(throws: IngestError.self) { try SourceFinder.files(in: [path]) }
        #expect(error?.path == path)
        #expect(error?.message.contains(".pdf") == true)
    }

    @Test func kindsByExtension() {
        #expect(SourceKind(fileName: "x/La_Gaceta.PdF") == .pdf)
        #expect(SourceKind(fileName: "a.Markdown") == .markdown)
        #expect(SourceKind(fileName: "a.TXT") == .text)
        #expect(SourceKind(fileName: "carpeta.md/archivo") == nil)
        #expect(SourceKind(fileName: ".md") == nil)
    }
}
