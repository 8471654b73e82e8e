import ArgumentParser
import Dispatch
import GacetaCore
import GacetaIngest

/// `gacetachat split`: how a PDF reads as an edition (masthead, furniture, notices), without a database.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Show how gazette PDFs split into notices (masthead, running headers, notices); stores nothing.",
        discussion: """
            Reads each PDF with poppler (two columns column by column), finds the masthead, the running
            headers and footers and the notices, and prints them. --ocr reads pages without text with
            tesseract (at most 60 s a page).
            """)

    @Argument(help: "PDF files.") var paths: [String]
    @Flag(help: "Print JSON (one object per file, with each notice's text).") var json = false
    @Flag(help: "OCR pages without text (tesseract).") var ocr = false
    @Flag(help: "Print each page as read, running-header lines marked with '#'.") var pages = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one PDF") }
        if let other = paths.first(where: { SourceKind(fileName: $0) != .pdf }) {
            throw ValidationError("'\(other)' is not a .pdf file")
        }
    }

    func run() throws {
        var failed = false
        var outputs: [SplitOutput] = []
        // As ingest does, the next file is read (pdftotext) on another thread while this one is put in reading order
        // and split; one pdftotext at a time.
        var next = paths.first.map(PageRead.init)
        for (position, path) in paths.enumerated() {
            let read = next?.wait()
            next = position + 1 < paths.count ? PageRead(path: paths[position + 1]) : nil
            do {
                var pages = PDFText.readingOrder(try read?.get() ?? [])
                let outcome = PageOCR().fill(&pages, pdf: path, enabled: ocr)
                let reading = EditionReader.read(rawPages: pages, fileName: path)
                let output = SplitOutput(path: path, reading: reading, ocr: outcome)
                if json { outputs.append(output) } else { print(output.summary) }
                if self.pages { printPages(pages, furniture: reading.furniture) }
            } catch {
                printError("split: \(error)")
                failed = true
            }
        }
        if json { print(String(decoding: JSON.encode(outputs), as: UTF8.self)) }
        if failed { throw ExitCode.failure }
    }
}

/// A PDF's pages read on a background thread (`pdftotext -layout`, not yet in reading order).
private final class PageRead: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the background block before it signals; read after `wait`.
    private var result: Result<[String], IngestError>?

    init(path: String) {
        DispatchQueue.global().async {
            self.result = Result { () throws(IngestError) in try PDFText.pages(of: path, layout: true) }
            self.done.signal()
        }
    }

    func wait() -> Result<[String], IngestError> {
        done.wait()
        return result ?? .failure(IngestError(path: "", message: "reading did not finish"))
    }
}

/// The pages as read, furniture marked.
private func printPages(_ pages: [String], furniture: PageFurniture) {
    for (index, page) in pages.enumerated() {
        print("--- page \(index + 1)")
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            print((furniture.isFurniture(line) ? "# " : "  ") + line)
        }
    }
}

/// What `split` prints for one file.
struct SplitOutput: Encodable {
    struct Edition: Encodable {
        var publication: String?
        var date: String
        var number: String?
        var kind: String
        var alcanceNumber: Int?
        var placeholder: Bool
    }

    struct NoticeOutput: Encodable {
        var noticeIndex: Int
        var title: String
        var type: String
        var identifier: String?
        var section: String?
        var institution: String?
        var publicationCode: String?
        var firstPage: Int
        var lastPage: Int
        var firstPrintedPage: String?
        var lastPrintedPage: String?
        var text: String
    }

    var path: String
    var pages: Int
    var edition: Edition?
    var furniture: [String]
    var foundBoundaries: Bool
    var notices: [NoticeOutput]
    var ocrPages: [Int]
    var pagesWithoutText: [Int]

    init(path: String, reading: EditionReading, ocr: PageOCR.Outcome) {
        self.path = path
        pages = reading.pages.count
        edition = reading.masthead.map { masthead in
            Edition(
                publication: masthead.publication, date: masthead.date, number: masthead.number,
                kind: masthead.kind.rawValue, alcanceNumber: masthead.alcanceNumber,
                placeholder: masthead.isPlaceholder(pageCount: reading.pages.count))
        }
        furniture = reading.furniture.patterns.sorted()
        foundBoundaries = reading.split?.foundBoundaries ?? false
        let printed = reading.pages.map(\.printedNumber)
        notices = (reading.split?.notices ?? []).map { notice in
            NoticeOutput(
                noticeIndex: notice.index, title: notice.title, type: notice.type.rawValue,
                identifier: notice.identifier, section: notice.section, institution: notice.institution,
                publicationCode: notice.publicationCode, firstPage: notice.firstPage, lastPage: notice.lastPage,
                firstPrintedPage: printed[notice.firstPage - 1], lastPrintedPage: printed[notice.lastPage - 1],
                text: notice.text)
        }
        ocrPages = ocr.ocrPages
        pagesWithoutText = ocr.pagesWithoutText
    }

    var summary: String {
        var lines = ["\(path): \(pages) pages"]
        if let edition {
            let number = edition.number.map { " Nº \($0)" } ?? ""
            let alcance = edition.alcanceNumber.map { " (Alcance Nº \($0))" } ?? ""
            lines.append("  \(edition.publication ?? "?")\(number)\(alcance), \(edition.date)")
            if edition.placeholder { lines.append("  placeholder: no edition") }
        } else {
            lines.append("  not a gazette edition (no masthead): one document")
        }
        if !furniture.isEmpty { lines.append("  running headers/footers: \(furniture.joined(separator: " | "))") }
        if edition != nil, !foundBoundaries, !(edition?.placeholder ?? false) {
            lines.append("  no notice boundary found: one document")
        }
        for notice in notices {
            let pages =
                notice.firstPage == notice.lastPage
                ? "p. \(notice.firstPage)" : "pp. \(notice.firstPage)–\(notice.lastPage)"
            var facts = [notice.type]
            if let identifier = notice.identifier { facts.append(identifier) }
            if let code = notice.publicationCode { facts.append(code) }
            lines.append("  \(notice.noticeIndex). \(notice.title) [\(facts.joined(separator: ", "))] \(pages)")
        }
        if !pagesWithoutText.isEmpty {
            lines.append("  pages without text: \(pagesWithoutText.map(String.init).joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}
