/// One issue of the gazette: a date and, when known, its number ("La Gaceta Nº 129").
public struct Edition: Sendable, Equatable, Codable {
    public var id: Int64
    /// `YYYY-MM-DD`.
    public var date: String
    public var number: String?
    public var sourceURL: String?
    /// SHA-256 of the edition's PDF, when it came from one.
    public var sha256: String?
    public var documentCount: Int

    public init(id: Int64, date: String, number: String?, sourceURL: String?, sha256: String?, documentCount: Int) {
        self.id = id
        self.date = date
        self.number = number
        self.sourceURL = sourceURL
        self.sha256 = sha256
        self.documentCount = documentCount
    }
}
