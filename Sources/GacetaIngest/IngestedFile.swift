import GacetaCore

/// What ingesting one file stored: its edition and documents (a gazette's notices, or the one document of any
/// other file), and what the ingest line should add.
public struct IngestedFile: Sendable, Equatable {
    public var change: EditionIngestOutcome.Change
    public var editionID: Int64
    public var documents: [EditionIngestOutcome.StoredNotice]
    /// The file's pages.
    public var pages: Int
    /// The edition number, when the file names one.
    public var editionNumber: String?
    /// True when the file was stored as a gazette edition (its notices), false for one whole document.
    public var isEdition: Bool
    /// "the masthead's date 2024-07-15 wins over --date 2024-07-16", "no notice boundary found…".
    public var notes: [String]
    /// 1-based pages whose text OCR read, and pages stored without text.
    public var ocrPages: [Int]
    public var pagesWithoutText: [Int]

    public init(
        change: EditionIngestOutcome.Change, editionID: Int64, documents: [EditionIngestOutcome.StoredNotice],
        pages: Int, editionNumber: String?, isEdition: Bool, notes: [String] = [], ocrPages: [Int] = [],
        pagesWithoutText: [Int] = []
    ) {
        self.ocrPages = ocrPages
        self.pagesWithoutText = pagesWithoutText
        self.change = change
        self.editionID = editionID
        self.documents = documents
        self.pages = pages
        self.editionNumber = editionNumber
        self.isEdition = isEdition
        self.notes = notes
    }
}

/// A parsed file ready to store.
enum PreparedFile: Sendable {
    case document(IngestDocument, notes: [String], pagesWithoutText: [Int])
    case edition(IngestEdition, notes: [String], pagesWithoutText: [Int])
}
