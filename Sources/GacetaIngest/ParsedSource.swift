/// A file read into pages plus the metadata found in it, its name or the caller's fallbacks.
public struct ParsedSource: Sendable {
    public var path: String
    public var kind: SourceKind
    public var title: String
    public var identifier: String?
    /// Publication date, `YYYY-MM-DD`.
    public var date: String?
    /// The edition number, e.g. "129".
    public var editionNumber: String?
    /// A section or heading hint, e.g. "Poder Ejecutivo".
    public var section: String?
    /// The kind of norm, e.g. front matter `rank` (ley, decreto, resolución).
    public var type: String?
    public var sourceURL: String?
    /// The gazette's name from its masthead («Gaceta del Congreso»).
    public var publication: String?
    /// The pages in order; never empty.
    public var pages: [ParsedPage]
    /// A gazette edition's masthead and reading (its notices): the file is then stored as its notices.
    public var edition: (masthead: Masthead, reading: EditionReading)?
    /// 1-based pages whose text OCR read, and pages left without text (scans, without OCR or tesseract).
    public var ocrPages: [Int] = []
    public var pagesWithoutText: [Int] = []
    /// Why OCR left pages without text, once per reason.
    public var ocrProblems: [String] = []

    public init(
        path: String, kind: SourceKind, title: String, identifier: String? = nil, date: String? = nil,
        editionNumber: String? = nil, section: String? = nil, type: String? = nil, sourceURL: String? = nil,
        publication: String? = nil, pages: [ParsedPage]
    ) {
        self.publication = publication
        self.path = path
        self.kind = kind
        self.title = title
        self.identifier = identifier
        self.date = date
        self.editionNumber = editionNumber
        self.section = section
        self.type = type
        self.sourceURL = sourceURL
        self.pages = pages
    }
}
