/// One notice of an edition (or its `sumario`: the cover's masthead and the table of contents), as lines of the
/// edition's pages. Notices partition the edition: every line belongs to exactly one.
public struct Notice: Sendable, Equatable {
    /// The notice's own text on one PDF page.
    public struct Part: Sendable, Equatable {
        /// 1-based PDF page of the edition file.
        public var page: Int
        public var text: String

        public init(page: Int, text: String) {
            self.page = page
            self.text = text
        }
    }

    /// Position in the edition, from 1 (the sumario, when there is one, is 1).
    public var index: Int
    /// The notice's own heading ("DECRETO EJECUTIVO N° 44123-MP"), else its first line.
    public var title: String
    public var type: NoticeType
    /// "44123-MP", "2024LN-000012", "13-2013".
    public var identifier: String?
    /// The section heading it was printed under ("PODER EJECUTIVO").
    public var section: String?
    /// The institution named by its heading or first lines ("MINISTERIO DE HACIENDA").
    public var institution: String?
    /// "IN2024871234".
    public var publicationCode: String?
    /// Its text page by page, in order; never empty.
    public var parts: [Part]

    public init(
        index: Int, title: String, type: NoticeType, identifier: String? = nil, section: String? = nil,
        institution: String? = nil, publicationCode: String? = nil, parts: [Part]
    ) {
        self.index = index
        self.title = title
        self.type = type
        self.identifier = identifier
        self.section = section
        self.institution = institution
        self.publicationCode = publicationCode
        self.parts = parts
    }

    public var firstPage: Int { parts.first?.page ?? 0 }
    public var lastPage: Int { parts.last?.page ?? 0 }
    public var text: String { parts.map(\.text).joined(separator: "\n") }
}
