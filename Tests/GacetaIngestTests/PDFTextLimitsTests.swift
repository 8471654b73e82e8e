import GacetaIngest
import GacetaSystem
import Testing

/// pdftotext's limits (issue 15, helpers): 60 s plus 1 s per page, 256 KB of text per page, 1 GiB of address
/// space; past one, the ingest error names the limit.
@Suite struct PDFTextLimitsTests {
    @Test func theLimitsGrowWithThePages() {
        let limits = PDFText.limits(pages: 100)
        #expect(limits.time == .seconds(160))
        #expect(limits.output == 100 * 256 * 1024)
        #expect(limits.addressSpace == 1 << 30)
    }

    @Test func pdftotextPastItsOutputLimitIsAnIngestErrorNamingIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.pdf("edicion", ms: PDFParsingTests.gacetaSource)
        #expect(try PDFText.pages(of: path).count == 3)
        var tight = PDFText.limits(pages: 3)
        tight.output = 16
        do {
            _ = try PDFText.pages(of: path, limits: tight)
            Issue.record("16 bytes of text were enough for three pages")
        } catch {
            #expect(error.message.contains("more than 16 bytes of text"), "\(error.message)")
        }
    }
}
