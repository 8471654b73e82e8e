/// A document ready to store: its edition, its pages and each page's chunks (which never cross a page).
public struct IngestDocument: Sendable {
    public struct NewEdition: Sendable, Equatable {
        public var date: String
        public var number: String?
        public var sourceURL: String?
        public var sha256: String?
        public var publication: String?
        public var kind: Edition.Kind = .regular
        public var alcanceNumber: Int?
        /// The PDF's page count (an edition ingested whole).
        public var pages: Int?

        public init(
            date: String, number: String?, sourceURL: String?, sha256: String?, publication: String? = nil,
            kind: Edition.Kind = .regular, alcanceNumber: Int? = nil, pages: Int? = nil
        ) {
            self.date = date
            self.number = number
            self.sourceURL = sourceURL
            self.sha256 = sha256
            self.publication = publication
            self.kind = kind
            self.alcanceNumber = alcanceNumber
            self.pages = pages
        }
    }

    public struct NewPage: Sendable, Equatable {
        public var index: Int
        public var printedNumber: String?
        public var text: String
        public var chunks: [String]
        /// The text was read by OCR.
        public var ocr: Bool

        public init(index: Int, printedNumber: String?, text: String, chunks: [String], ocr: Bool = false) {
            self.ocr = ocr
            self.index = index
            self.printedNumber = printedNumber
            self.text = text
            self.chunks = chunks
        }
    }

    /// Where it came from; re-ingesting the same path with the same SHA-256 is a no-op.
    public var sourcePath: String
    public var sourceSHA256: String
    public var edition: NewEdition
    public var title: String
    public var section: String?
    public var type: String?
    public var identifier: String?
    public var pages: [NewPage]
    /// A notice's facts (institution, code, pages, index, key); a whole file leaves them empty.
    public var notice: NoticeFacts

    public init(
        sourcePath: String, sourceSHA256: String, edition: NewEdition, title: String, section: String?,
        type: String?, identifier: String?, pages: [NewPage], notice: NoticeFacts = NoticeFacts()
    ) {
        self.notice = notice
        self.sourcePath = sourcePath
        self.sourceSHA256 = sourceSHA256
        self.edition = edition
        self.title = title
        self.section = section
        self.type = type
        self.identifier = identifier
        self.pages = pages
    }
}

/// What `Store.ingest` did.
public enum IngestOutcome: Sendable, Equatable {
    case inserted(documentID: Int64)
    case replaced(documentID: Int64)
    case unchanged(documentID: Int64)
}
