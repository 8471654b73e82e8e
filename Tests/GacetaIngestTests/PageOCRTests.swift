import Foundation
import GacetaIngest
import GacetaText
import Testing

@Suite struct PageOCRTests {
    static let text = """
        El Consejo Municipal acuerda aprobar el reglamento de mercados, ferias y ventas ambulantes del cantón.
        Los vendedores deberán portar su permiso vigente y mantener limpio el espacio asignado durante la jornada.
        La municipalidad revisará las tarifas cada año, previa audiencia pública a los interesados.
        """

    /// A page of known Spanish text rendered as an image only (no text layer).
    static func scannedPDF(in folder: TemporaryFolder) throws -> String {
        let typeset = try folder.pdf("texto", ms: ".LP\n.ps 14\n.vs 18\n" + text)
        let scanned = "\(folder.path)/escaneo.pdf"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfimage8", "-r200", "-o", scanned, typeset]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return scanned
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter }).map { TextFolding.fold(String($0)) }.filter { $0.count >= 3 }
    }

    @Test func imageOnlyPageIsReadByTesseract() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try Self.scannedPDF(in: folder)
        var pages = try PDFText.pages(of: path)
        let before = pages
        #expect(before.allSatisfy { page in page.allSatisfy { $0.isWhitespace } }, "the page has no text layer")

        let ocr = PageOCR()
        try #require(ocr.isAvailable, "tesseract-ocr is installed by scripts/install-deps")
        let outcome = ocr.fill(&pages, pdf: path, enabled: true)

        #expect(outcome.ocrPages == [1])
        #expect(outcome.pagesWithoutText.isEmpty)
        let recognised = Set(Self.words(pages[0]))
        let expected = Self.words(Self.text)
        let found = expected.filter(recognised.contains).count
        #expect(Double(found) >= 0.8 * Double(expected.count), "\(found) of \(expected.count) words: \(pages[0])")
    }

    @Test func withoutTesseractThePagesAreCounted() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try Self.scannedPDF(in: folder)
        var pages = try PDFText.pages(of: path)
        // A PATH with pdftoppm and timeout but no tesseract.
        let bin = "\(folder.path)/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        for tool in ["pdftoppm", "timeout"] {
            try FileManager.default.createSymbolicLink(
                atPath: "\(bin)/\(tool)", withDestinationPath: "/usr/bin/\(tool)")
        }
        let ocr = PageOCR(searchPath: bin)
        #expect(!ocr.isAvailable)
        let outcome = ocr.fill(&pages, pdf: path, enabled: true)
        #expect(outcome.ocrPages.isEmpty)
        #expect(outcome.pagesWithoutText == [1])
        #expect(outcome.problems.contains { $0.contains("tesseract") })
        let still = pages[0]
        #expect(still.allSatisfy { $0.isWhitespace })
    }
}
