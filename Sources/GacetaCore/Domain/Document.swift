/// A published text (a law, decree, tender, notice…) inside an edition.
public struct Document: Sendable, Equatable, Codable {
    public var id: Int64
    public var editionID: Int64
    public var editionDate: String
    public var editionNumber: String?
    public var title: String
    public var section: String?
    public var type: String?
    public var identifier: String?
    public var sourceURL: String?
    public var pageCount: Int

    public init(
        id: Int64, editionID: Int64, editionDate: String, editionNumber: String?, title: String, section: String?,
        type: String?, identifier: String?, sourceURL: String?, pageCount: Int
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
    }
}

/// One page of a document: its index in the PDF (from 1) and the number printed on it, if any.
public struct Page: Sendable, Equatable, Codable {
    public var documentID: Int64
    public var index: Int
    public var printedNumber: String?
    public var text: String

    public init(documentID: Int64, index: Int, printedNumber: String?, text: String) {
        self.documentID = documentID
        self.index = index
        self.printedNumber = printedNumber
        self.text = text
    }
}
