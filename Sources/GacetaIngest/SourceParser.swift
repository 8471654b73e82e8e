/// Reads one file into a `ParsedSource`.
public enum SourceParser {
    /// Parses one file. `fallbackDate` (from --date) is used when the file itself has no date.
    ///
    /// Dates come from front matter, then the La Gaceta edition line on the first page, then the file name, then
    /// `fallbackDate`; `date` stays nil when none has one (the caller then asks for --date).
    public static func parse(path: String, fallbackDate: String? = nil) throws(IngestError) -> ParsedSource {
        guard let kind = SourceKind(fileName: path) else {
            throw IngestError(
                path: path, message: "unsupported file type (expected \(SourceKind.extensionsDescription))")
        }
        if case .failure(let error) = SystemCall.status(of: path) {
            throw IngestError(path: path, message: "cannot open file: \(SystemCall.describe(error.errno))")
        }
        var source: ParsedSource
        switch kind {
        case .pdf: source = try parsePDF(path)
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

    private static func parsePDF(_ path: String) throws(IngestError) -> ParsedSource {
        let texts = try PDFText.pages(of: path)
        guard let firstText = texts.first(where: { !isBlank($0) }) else {
            throw IngestError(path: path, message: "no extractable text (scanned PDF? run OCR first)")
        }
        if let masthead = MastheadReader.read(pages: texts, fileName: path) {
            return try parseEdition(path, masthead: masthead, pageCount: texts.count)
        }
        let printed = PrintedPageDetector.detect(texts)
        let pages = texts.indices.map { ParsedPage(index: $0 + 1, printedNumber: printed[$0], text: texts[$0]) }
        let edition = EditionDetector.fromText(firstText)
        return ParsedSource(
            path: path, kind: .pdf, title: editionTitle(edition) ?? FilePath.stem(of: path), date: edition?.date,
            editionNumber: edition?.number, pages: pages)
    }

    /// A gazette edition: its two columns read in order, running headers and footers out of the page text, the
    /// masthead's date, number and name (the date wins over --date).
    private static func parseEdition(_ path: String, masthead: Masthead, pageCount: Int) throws(IngestError)
        -> ParsedSource
    {
        if masthead.isPlaceholder(pageCount: pageCount) {
            throw IngestError(path: path, message: "no edition (placeholder)", isPlaceholder: true)
        }
        let reading = EditionReader.read(rawPages: try PDFText.pages(of: path, columns: true), fileName: path)
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
        let title = frontTitle ?? heading.map(HTMLEntities.decode) ?? editionTitle(edition) ?? FilePath.stem(of: path)
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
