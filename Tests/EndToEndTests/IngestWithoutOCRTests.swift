import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// `gacetachat ingest --no-ocr` leaves a scanned page unread and says so; without the flag tesseract reads it.
    @Suite struct IngestWithoutOCRTests {
        @Test func aScannedPageIsCountedWithNoOCRAndReadWithout() throws {
            let directory = try Paths.temporaryDirectory("no-ocr")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let pdf = try ScannedPDF.write(in: directory)
            let environment = Paths.testingEnvironment(directory: directory)

            let skipped = try Shell.run(
                try Paths.binary(), ["ingest", "--no-ocr", "--date", "2024-07-20", pdf], environment: environment)
            #expect(skipped.status == 0, "\(skipped.output)")
            #expect(skipped.stderr.contains("1 without text"), "\(skipped.stderr)")
            let unread = try Shell.run(
                try Paths.binary(), ["search", "vendedores ambulantes", "--json"], environment: environment)
            #expect(unread.status == 0, "\(unread.output)")
            #expect(!unread.stdout.contains("reglamento-mercados"), "the scanned page is not indexed: \(unread.stdout)")

            // The same file changed (a byte appended) is ingested again, this time read by tesseract.
            let handle = try #require(FileHandle(forWritingAtPath: pdf))
            handle.seekToEndOfFile()
            handle.write(Data("\n".utf8))
            handle.closeFile()
            let read = try Shell.run(
                try Paths.binary(), ["ingest", "--date", "2024-07-20", pdf], environment: environment)
            #expect(read.status == 0, "\(read.output)")
            #expect(!read.stderr.contains("without text"), "\(read.stderr)")
            let found = try Shell.run(
                try Paths.binary(), ["search", "vendedores ambulantes", "--json"], environment: environment)
            #expect(found.stdout.contains("reglamento-mercados"), "OCR text is searchable: \(found.stdout)")
        }
    }
}
