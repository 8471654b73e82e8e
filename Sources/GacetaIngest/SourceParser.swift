/// Reads one file into a `ParsedSource`.
public enum SourceParser {
    /// Parses one file. `fallbackDate` (from --date) is used when the file itself has no date.
    ///
    /// Dates come from front matter, then the La Gaceta edition line on the first page, then the file name, then
    /// `fallbackDate`; `date` stays nil when none has one (the caller then asks for --date).
    /// `contents`, when given, is where the bytes are read from (a kept copy); `path` still names the file. `ocr`,
    /// when given, reads pages without text with tesseract (the command line only); without it they are listed in
    /// `pagesWithoutText`.
    public static func parse(
        path: String, fallbackDate: String? = nil, contents: String? = nil, ocr: PageOCR? = nil
    ) throws(IngestError) -> ParsedSource {
        guard let kind = SourceKind(fileName: path) else {
            throw IngestError(
                path: path, message: "unsupported file type (expected \(SourceKind.extensionsDescription))")
        }
        if case .failure(let error) = SystemCall.status(of: contents ?? path) {
            throw IngestError(path: path, message: "cannot open file: \(SystemCall.describe(error.errno))")
        }
        var source: ParsedSource
        switch kind {
        case .pdf: source = try parsePDF(path, contents: contents ?? path, ocr: ocr)
        case .markdown, .text: source = try parseText(path, kind: kind)
        }
        if source.date == nil { source.date = EditionDetector.fromFileName(path) }
        if source.date == nil, let fallbackDate {
            guard let date = SpanishDate(iso: fallbackDate) else {
                throw IngestError(
                    path: path, message: "the fallback date '\(fallbackDate)' is not a valid YYYY-MM-DD date")
            }
            source.date = date.iso
        }
        return source
    }

    private static func parsePDF(_ path: String, contents: String, ocr: PageOCR?) throws(IngestError)
        -> ParsedSource
    {
        var texts = try PDFText.pages(of: contents)
        let read = (ocr ?? PageOCR()).fill(&texts, pdf: contents, enabled: ocr != nil)
        guard let firstText = texts.first(where: { !isBlank($0) }) else {
            let reason = read.problems.first.map { ": \($0)" } ?? ""
            throw IngestError(
                path: path,
                message: "no extractable text (scanned PDF? 'gacetachat ingest' reads it with tesseract)\(reason)")
        }
        var source: ParsedSource
        if let masthead = MastheadReader.read(pages: texts, fileName: path) {
            source = try parseEdition(
                path, contents: contents, masthead: masthead, pageCount: texts.count,
                ocrText: Dictionary(uniqueKeysWithValues: read.ocrPages.map { ($0, texts[$0 - 1]) }))
        } else {
            let printed = PrintedPageDetector.detect(texts)
            let pages = texts.indices.map { ParsedPage(index: $0 + 1, printedNumber: printed[$0], text: texts[$0]) }
            let edition = EditionDetector.fromText(firstText)
            source = ParsedSource(
                path: path, kind: .pdf,
                title: DocumentTitle.find(in: texts) ?? editionTitle(edition) ?? FilePath.stem(of: path),
                date: edition?.date,
                editionNumber: edition?.number, pages: pages)
        }
        source.ocrPages = read.ocrPages
        source.pagesWithoutText = read.pagesWithoutText
        source.ocrProblems = read.problems
        return source
    }

    /// A gazette edition: its two columns read in order, running headers and footers out of the page text, the
    /// masthead's date, number and name (the date wins over --date).
    /// `ocrText`: the pages OCR read already (by 1-based page), put in place of their empty column text.
    private static func parseEdition(
        _ path: String, contents: String, masthead: Masthead, pageCount: Int, ocrText: [Int: String]
    ) throws(IngestError) -> ParsedSource {
        if masthead.isPlaceholder(pageCount: pageCount) {
            throw IngestError(path: path, message: "no edition (placeholder)", isPlaceholder: true)
        }
        var columns = try PDFText.pages(of: contents, columns: true)
        for (page, text) in ocrText where columns.indices.contains(page - 1) { columns[page - 1] = text }
        let reading = EditionReader.read(rawPages: columns, fileName: path)
        let found = reading.masthead ?? masthead
        var source = ParsedSource(
            path: path, kind: .pdf, title: found.title, date: found.date, editionNumber: found.number,
            publication: found.publication, pages: reading.pages)
        source.edition = (found, reading)
        return source
    }

    private static func parseText(_ path: String, kind: SourceKind) throws(IngestError) -> ParsedSource {
        let text = TextCleanup.unixNewlines(SystemCall.decodeUTF8(try SystemCall.readFile(path)))
        let (fields, body) = FrontMatter.parse(text)
        var pages: [ParsedPage]
        var headings: [(level: Int, text: String)] = []
        if kind == .markdown {
            let markdown = MarkdownBody(body)
            headings = markdown.headings
            pages = markdown.pages.enumerated().map { position, page in
                ParsedPage(index: position + 1, printedNumber: page.printedNumber, text: page.text)
            }
        } else {
            let texts = body.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(TextCleanup.clean)
            let printed = texts.count > 1 ? PrintedPageDetector.detect(texts) : [nil]
            pages = texts.indices.map { ParsedPage(index: $0 + 1, printedNumber: printed[$0], text: texts[$0]) }
            if pages.count > 1, pages.last?.text == "" { pages.removeLast() }  // a final form feed
        }
        guard let firstText = pages.first(where: { !isBlank($0.text) })?.text else {
            throw IngestError(path: path, message: "no text (the file is empty or has only front matter)")
        }

        func field(_ names: String...) -> String? {
            for name in names {
                if let value = fields[name].map(collapseWhitespace), !value.isEmpty { return value }
            }
            return nil
        }
        let edition = EditionDetector.fromText(firstText)
        let frontTitle = field("title").map(HTMLEntities.decode)
        let heading = headings.first(where: { $0.level == 1 })?.text
        // A plain text file (pdftotext's output, say) is titled as its PDF would be.
        let printedTitle = kind == .markdown ? nil : DocumentTitle.find(in: pages.map(\.text))
        let title =
            frontTitle ?? heading.map(HTMLEntities.decode) ?? printedTitle ?? editionTitle(edition)
            ?? FilePath.stem(of: path)
        let sectionHeading = headings.first(where: { frontTitle != nil || $0.text != heading })?.text
        let frontDate = field("publication_date", "date").flatMap { value in
            SpanishDate(iso: value)?.iso ?? EditionDetector.fromText("La Gaceta " + value)?.date
        }
        return ParsedSource(
            path: path, kind: kind, title: title, identifier: field("identifier", "id"),
            date: frontDate ?? edition?.date,
            editionNumber: field("edition", "edition_number") ?? edition?.number,
            section: field("section") ?? sectionHeading.map(HTMLEntities.decode),
            type: field("rank", "type"), sourceURL: field("source", "source_url", "url"), pages: pages)
    }

    /// "La Gaceta Nº 129 — 15 de julio de 2024" for a detected edition.
    static func editionTitle(_ edition: (date: String, number: String?)?) -> String? {
        guard let edition, let date = SpanishDate(iso: edition.date) else { return nil }
        let number = edition.number.map { " Nº \($0)" } ?? ""
        return "La Gaceta\(number) — \(date.spanish)"
    }

    private static func isBlank(_ text: String) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }

    /// Runs of whitespace (including newlines from block scalars) become one space; ends are trimmed.
    private static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
