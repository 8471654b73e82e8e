/// A PDF's pages read as an edition: furniture out, printed page numbers kept, masthead read, notices split.
public struct EditionReading: Sendable {
    /// Nil when the file is not a gazette edition (it then stays one document).
    public var masthead: Masthead?
    /// Every page, 1-based, with its printed number and its text without running headers and footers.
    public var pages: [ParsedPage]
    /// The notices, when the file is a gazette and boundaries were found.
    public var split: EditionSplit?
    public var furniture: PageFurniture
}

public enum EditionReader {
    /// Reads `rawPages` (one string per PDF page, as `PDFText.pages` gives them) of the file `fileName`.
    public static func read(rawPages: [String], fileName: String) -> EditionReading {
        let masked = rawPages.map(MaskedPage.init)
        let furniture = PageFurniture(masked: masked)
        let printed = printedNumbers(rawPages, masked: masked, furniture: furniture)
        let pages = rawPages.indices.map { index in
            ParsedPage(
                index: index + 1, printedNumber: printed[index],
                text: furniture.strip(
                    masked[index], rawPages[index],
                    pageNumbers: Set([index + 1] + [printed[index].flatMap { Int($0) }].compactMap { $0 })))
        }
        let masthead = MastheadReader.read(pages: rawPages, fileName: fileName)
        var split: EditionSplit?
        if let masthead, !masthead.isPlaceholder(pageCount: rawPages.count) {
            split = NoticeSplitter.split(pages: pages.map(\.text), masthead: masthead)
        }
        return EditionReading(masthead: masthead, pages: pages, split: split, furniture: furniture)
    }

    /// Printed page numbers, read first from each page's furniture lines (wherever poppler placed them: the right
    /// half of a running header may come out between the columns), else from the first and last lines.
    static func printedNumbers(_ rawPages: [String], masked: [MaskedPage], furniture: PageFurniture) -> [String?] {
        let edges = PrintedPageDetector.detect(rawPages)
        guard !furniture.patterns.isEmpty else { return edges }
        // Blank lines are never furniture (a pattern is never empty).
        let furnitureOnly = masked.map { page in
            page.content.filter { furniture.isFurniture(page, line: $0) }.map { page.lines[$0] }.joined(separator: "\n")
        }
        let fromFurniture = PrintedPageDetector.detect(furnitureOnly)
        return rawPages.indices.map { fromFurniture[$0] ?? edges[$0] }
    }
}
