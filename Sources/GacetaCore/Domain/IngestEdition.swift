/// A gazette edition ready to store: one file, its edition and its notices (each a document, the `sumario`
/// included), in order. The edition is the unit of ingest: the same file again changes nothing; another file of
/// the same edition (or the same path with other bytes) replaces the edition's notices.
public struct IngestEdition: Sendable {
    public var sourcePath: String
    public var sourceSHA256: String
    public var edition: IngestDocument.NewEdition
    /// In edition order; each one's `notice.index` and `notice.key` set, its pages the edition's PDF pages.
    public var notices: [IngestDocument]
    /// Replace the edition's notices even when the file is unchanged (a re-split).
    public var force = false

    public init(
        sourcePath: String, sourceSHA256: String, edition: IngestDocument.NewEdition, notices: [IngestDocument]
    ) {
        self.sourcePath = sourcePath
        self.sourceSHA256 = sourceSHA256
        self.edition = edition
        self.notices = notices
    }

    /// The `source_path` a notice's document row carries (unique per notice; the file's path is the edition's).
    public static func noticePath(_ path: String, index: Int) -> String { "\(path)#notice=\(index)" }
}

/// What `DocumentSink.ingest(edition:)` did, and the documents the edition now has.
public struct EditionIngestOutcome: Sendable, Equatable {
    public enum Change: String, Sendable {
        case inserted, replaced, unchanged
    }

    /// A stored notice, as the admin upload lists it.
    public struct StoredNotice: Sendable, Equatable {
        public var id: Int64
        public var title: String
        public var firstPage: Int
        public var lastPage: Int

        public init(id: Int64, title: String, firstPage: Int, lastPage: Int) {
            self.id = id
            self.title = title
            self.firstPage = firstPage
            self.lastPage = lastPage
        }
    }

    public var change: Change
    public var editionID: Int64
    public var documents: [StoredNotice]

    public init(change: Change, editionID: Int64, documents: [StoredNotice]) {
        self.change = change
        self.editionID = editionID
        self.documents = documents
    }
}

/// What `StoreAdministration.removeDocument` did.
public enum DocumentRemoval: Sendable, Equatable {
    case removed
    case notFound
    /// The document is a notice of a split edition: only the whole edition can go.
    case partOfEdition(editionID: Int64)
}

extension IngestDocument {
    public var isSumario: Bool { type == Document.sumarioType }
}
