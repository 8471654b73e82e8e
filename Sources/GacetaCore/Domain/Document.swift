/// A published text inside an edition: one notice of a gazette edition (a law, decree, tender, edict…, or the
/// edition's `sumario`), or a whole file that is not a gazette.
public struct Document: Sendable, Equatable, Codable {
    public var id: Int64
    public var editionID: Int64
    public var editionDate: String
    public var editionNumber: String?
    /// The notice's own heading ("DECRETO EJECUTIVO N° 44123-MP"), or the file's title.
    public var title: String
    public var section: String?
    /// One of `NoticeType`'s closed list for a notice.
    public var type: String?
    public var identifier: String?
    public var sourceURL: String?
    public var pageCount: Int
    public var notice = NoticeFacts()

    public init(
        id: Int64, editionID: Int64, editionDate: String, editionNumber: String?, title: String, section: String?,
        type: String?, identifier: String?, sourceURL: String?, pageCount: Int, notice: NoticeFacts = NoticeFacts()
    ) {
        self.id = id
        self.editionID = editionID
        self.editionDate = editionDate
        self.editionNumber = editionNumber
        self.title = title
        self.section = section
        self.type = type
        self.identifier = identifier
        self.sourceURL = sourceURL
        self.pageCount = pageCount
        self.notice = notice
    }

    /// `/api/v1/notices/{key}`, when the document has a key.
    public var permalink: String? { notice.key.map { "/api/v1/notices/\($0)" } }
}

/// What a notice adds to a document: where it sits in its edition's file and how it is named for good.
public struct NoticeFacts: Sendable, Equatable, Codable {
    public var institution: String?
    /// "IN2024871234".
    public var publicationCode: String?
    /// The edition PDF's 1-based pages the notice spans (a whole file: 1…page count).
    public var firstPage: Int?
    public var lastPage: Int?
    public var firstPrintedPage: String?
    public var lastPrintedPage: String?
    /// Position in the edition, from 1.
    public var index: Int?
    /// Stable: the publication code, else edition date, number and notice index.
    public var key: String?
    /// The edition's publication («La Gaceta», «Gaceta del Congreso»), when its masthead names it.
    public var publication: String?

    public init(
        institution: String? = nil, publicationCode: String? = nil, firstPage: Int? = nil, lastPage: Int? = nil,
        firstPrintedPage: String? = nil, lastPrintedPage: String? = nil, index: Int? = nil, key: String? = nil,
        publication: String? = nil
    ) {
        self.institution = institution
        self.publicationCode = publicationCode
        self.firstPage = firstPage
        self.lastPage = lastPage
        self.firstPrintedPage = firstPrintedPage
        self.lastPrintedPage = lastPrintedPage
        self.index = index
        self.key = key
        self.publication = publication
    }
}

/// One page of a document: its index in the edition's PDF (from 1) and the number printed on it, if any. A notice's
/// page holds only its own part of the PDF page.
public struct Page: Sendable, Equatable, Codable {
    public var documentID: Int64
    public var index: Int
    public var printedNumber: String?
    public var text: String
    /// The text was read by OCR (the page is an image).
    public var ocr = false

    public init(documentID: Int64, index: Int, printedNumber: String?, text: String, ocr: Bool = false) {
        self.ocr = ocr
        self.documentID = documentID
        self.index = index
        self.printedNumber = printedNumber
        self.text = text
    }
}

extension Document {
    /// The type of an edition's cover and table of contents: searchable, ranked after every notice, never quoted by
    /// chat.
    public static let sumarioType = "sumario"

    public var isSumario: Bool { type == Self.sumarioType }
}
