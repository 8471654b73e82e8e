/// What the masthead of a gazette edition says: which publication, which day, which number, and whether it is
/// a supplement (an Alcance).
public struct Masthead: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case regular, alcance
    }

    /// The publication's name as printed, e.g. «La Gaceta», «Gaceta del Congreso», «Diario de Centro América».
    public var publication: String?
    /// The edition date, `YYYY-MM-DD`.
    public var date: String
    /// The edition number; for an Alcance, the number of the regular edition it supplements (when printed).
    public var number: String?
    public var kind: Kind
    /// "Alcance Nº 78" → 78.
    public var alcanceNumber: Int?

    public init(
        publication: String? = nil, date: String, number: String? = nil, kind: Kind = .regular,
        alcanceNumber: Int? = nil
    ) {
        self.publication = publication
        self.date = date
        self.number = number
        self.kind = kind
        self.alcanceNumber = alcanceNumber
    }

    /// A gazette's masthead has a date and a number, or a publication name and a date.
    public var isGazette: Bool { number != nil || alcanceNumber != nil || publication != nil }

    /// The publisher's cover for a day without an edition: a date, no number, one page.
    public func isPlaceholder(pageCount: Int) -> Bool {
        number == nil && alcanceNumber == nil && pageCount <= 1
    }

    /// "La Gaceta Nº 129 — 15 de julio de 2024", "Alcance Nº 78 a La Gaceta Nº 113 — 15 de julio de 2024".
    public var title: String {
        let name = publication ?? "Edición"
        let number = number.map { " Nº \($0)" } ?? ""
        let day = SpanishDate(iso: date).map { " — \($0.spanish)" } ?? ""
        if kind == .alcance {
            let alcance = alcanceNumber.map { "Alcance Nº \($0)" } ?? "Alcance"
            return "\(alcance) a \(name)\(number)\(day)"
        }
        return "\(name)\(number)\(day)"
    }
}
