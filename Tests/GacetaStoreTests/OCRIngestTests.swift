import Foundation
import GacetaCore
import GacetaIngest
import TestSupport
import Testing

/// A PDF whose second page is an image (a scan): the command line reads it with tesseract and the page says
/// `ocr`; with tesseract hidden from the search path, or in a worker (no OCR), the page is stored without text and
/// listed in `pages_without_text`, never indexed silently as empty.
@Suite struct OCRIngestTests {
    static let scannedText = ScannedPDF.text

    /// A text page, then `scannedText` rendered as an image only.
    static func pdf(in folder: String) throws -> String { try ScannedPDF.write(in: folder) }

    static func words(_ text: String) -> Set<String> {
        Set(
            text.split(whereSeparator: { !$0.isLetter }).map {
                $0.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            }
            .filter { $0.count >= 4 })
    }

    static func ingest(_ harness: StoreHarness, _ path: String, ocr: PageOCR?) throws -> IngestedFile {
        let pipeline = IngestPipeline(store: harness.store, fallbackDate: "2024-07-20", ocr: ocr) { path in
            String(try Shell.run("sha256sum", [path]).stdout.prefix(64))
        }
        guard case .stored(let file) = pipeline.ingest(path: path) else { throw TestSupportError("not stored") }
        return file
    }

    @Test(arguments: StoreKind.testable) func aScannedPageIsReadByOCR(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let folder = try Paths.temporaryDirectory("ocr")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ocr = PageOCR()
        try #require(ocr.isAvailable, "tesseract-ocr is installed by scripts/install-deps")
        let file = try Self.ingest(harness, try Self.pdf(in: folder), ocr: ocr)
        #expect(file.ocrPages == [2] && file.pagesWithoutText.isEmpty)
        let id = try #require(file.documents.first?.id)
        let page = try #require(try harness.store.page(documentID: id, index: 2))
        #expect(page.ocr)
        #expect(try harness.store.page(documentID: id, index: 1)?.ocr == false)
        let expected = Self.words(Self.scannedText)
        let found = expected.intersection(Self.words(page.text))
        #expect(Double(found.count) >= 0.8 * Double(expected.count), "\(expected.subtracting(found))")
        #expect(try harness.search(["vendedores"]).hits.first?.page == 2)
        #expect(try harness.store.pagesWithoutText(documentID: id).isEmpty)
    }

    @Test(arguments: StoreKind.testable) func withoutTesseractTheScannedPageIsCounted(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let folder = try Paths.temporaryDirectory("ocr")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.pdf(in: folder)
        // tesseract hidden: a search path with everything but it.
        let hidden = "\(folder)/bin"
        try FileManager.default.createDirectory(atPath: hidden, withIntermediateDirectories: true)
        for tool in ["timeout", "pdftoppm"] {
            try FileManager.default.createSymbolicLink(
                atPath: "\(hidden)/\(tool)", withDestinationPath: "/usr/bin/\(tool)")
        }
        let file = try Self.ingest(harness, path, ocr: PageOCR(searchPath: hidden))
        #expect(file.pagesWithoutText == [2] && file.ocrPages.isEmpty)
        #expect(
            file.notes.contains { $0.contains("pages without text: 2") && $0.contains("tesseract") }, "\(file.notes)")
        let id = try #require(file.documents.first?.id)
        #expect(try harness.store.pagesWithoutText(documentID: id) == [2])
        #expect(try harness.store.page(documentID: id, index: 2)?.ocr == false)
        #expect(try harness.search(["vendedores"]).total == 0)
    }

    /// A worker (the admin upload) never runs OCR: the page is counted for a later `reindex --resplit`.
    @Test(arguments: StoreKind.testable) func withoutOCRTheScannedPageIsCounted(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let folder = try Paths.temporaryDirectory("ocr")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try Self.ingest(harness, try Self.pdf(in: folder), ocr: nil)
        #expect(file.pagesWithoutText == [2])
        let id = try #require(file.documents.first?.id)
        #expect(try harness.store.pagesWithoutText(documentID: id) == [2])
    }
}
