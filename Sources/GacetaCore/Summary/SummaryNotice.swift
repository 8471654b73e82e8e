/// One notice of a date's editions as the daily summary reads it: what the choice ranks (type, pages,
/// institution) and its own text page by page (each sentence of a bullet must lie on one of these pages). The
/// store fills it from the stored notices of the date's regular edition and its Alcances.
public struct SummaryNotice: Sendable, Equatable {
    /// The notice's own text on one PDF page of its edition.
    public struct Page: Sendable, Equatable {
        /// 1-based PDF page of the edition file.
        public var index: Int
        public var printedNumber: String?
        public var text: String

        public init(index: Int, printedNumber: String?, text: String) {
            self.index = index
            self.printedNumber = printedNumber
            self.text = text
        }
    }

    public var documentID: Int64
    /// The notice's stable key (its publication code, else edition date + number + notice index): what a
    /// stored bullet follows across a re-split.
    public var key: String
    /// Whether the notice is in an Alcance (a supplement) rather than the regular edition.
    public var isAlcance: Bool
    /// Position in the edition, from 1.
    public var noticeIndex: Int
    /// The notice's own heading ("DECRETO EJECUTIVO N° 44123-MP").
    public var title: String
    /// One of the closed list of notice types ("decreto", "resolución", …; "otro" when unknown).
    public var type: String
    public var identifier: String?
    public var institution: String?
    /// Its pages in order; never empty for a notice worth summarising.
    public var pages: [Page]

    public init(
        documentID: Int64, key: String, isAlcance: Bool = false, noticeIndex: Int, title: String, type: String,
        identifier: String? = nil, institution: String? = nil, pages: [Page]
    ) {
        self.documentID = documentID
        self.key = key
        self.isAlcance = isAlcance
        self.noticeIndex = noticeIndex
        self.title = title
        self.type = type
        self.identifier = identifier
        self.institution = institution
        self.pages = pages
    }

    public var firstPage: Int { pages.first?.index ?? 0 }
    public var lastPage: Int { pages.last?.index ?? 0 }
    /// Length in pages (first to last, inclusive).
    public var pageCount: Int { pages.isEmpty ? 0 : lastPage - firstPage + 1 }

    /// The notice's text on PDF page `index`, or nil when the notice is not on that page.
    public func page(_ index: Int) -> Page? { pages.first { $0.index == index } }
}

/// What a date's summary is made from: the date's notices (regular edition first, then its Alcances, each in
/// edition order) and the regular edition's masthead.
public struct SummarySource: Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var date: String
    public var editionNumber: String?
    /// The masthead's name («La Gaceta»), when known.
    public var publication: String?
    public var notices: [SummaryNotice]

    public init(date: String, editionNumber: String?, publication: String?, notices: [SummaryNotice]) {
        self.date = date
        self.editionNumber = editionNumber
        self.publication = publication
        self.notices = notices
    }
}
