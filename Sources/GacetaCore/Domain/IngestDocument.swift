/// A document ready to store: its edition, its pages and each page's chunks (which never cross a page).
public struct IngestDocument: Sendable {
    public struct NewEdition: Sendable, Equatable {
        public var date: String
        public var number: String?
        public var sourceURL: String?
        public var sha256: String?

        public init(date: String, number: String?, sourceURL: String?, sha256: String?) {
            self.date = date
            self.number = number
            self.sourceURL = sourceURL
            self.sha256 = sha256
        }
    }

    public struct NewPage: Sendable, Equatable {
        public var index: Int
        public var printedNumber: String?
        public var text: String
        public var chunks: [String]

        public init(index: Int, printedNumber: String?, text: String, chunks: [String]) {
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

    public init(
        sourcePath: String, sourceSHA256: String, edition: NewEdition, title: String, section: String?,
        type: String?, identifier: String?, pages: [NewPage]
    ) {
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
