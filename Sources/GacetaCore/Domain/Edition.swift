/// One issue of a gazette: a date and, when known, its number ("La Gaceta Nº 129"); a regular edition or an
/// Alcance (a supplement of that day's regular edition).
public struct Edition: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case regular, alcance
    }

    public var id: Int64
    /// `YYYY-MM-DD`.
    public var date: String
    public var number: String?
    public var sourceURL: String?
    /// SHA-256 of the edition's PDF, when it came from one.
    public var sha256: String?
    public var documentCount: Int
    /// The masthead's name («La Gaceta», «Gaceta del Congreso»), when known.
    public var publication: String?
    public var kind: Kind = .regular
    /// "Alcance Nº 78" → 78.
    public var alcanceNumber: Int?
    /// For an Alcance, the id of the regular edition it supplements, when stored.
    public var supplementOf: Int64?
    /// The edition PDF's page count, when the edition was ingested whole.
    public var pages: Int?

    public init(
        id: Int64, date: String, number: String?, sourceURL: String?, sha256: String?, documentCount: Int,
        publication: String? = nil, kind: Kind = .regular, alcanceNumber: Int? = nil, supplementOf: Int64? = nil,
        pages: Int? = nil
    ) {
        self.id = id
        self.date = date
        self.number = number
        self.sourceURL = sourceURL
        self.sha256 = sha256
        self.documentCount = documentCount
        self.publication = publication
        self.kind = kind
        self.alcanceNumber = alcanceNumber
        self.supplementOf = supplementOf
        self.pages = pages
    }
}
