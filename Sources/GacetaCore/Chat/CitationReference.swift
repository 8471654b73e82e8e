/// A ready-to-paste reference to a page of an edition, in Spanish, as La Gaceta's readers write it: "La Gaceta
/// Nº 233 del 6 de diciembre del 2019, página 10". The page is the printed one when known, else the PDF page.
/// Without an edition number the date is left out too (documents ingested with a date of their own, such as a
/// constitution, have no edition to name): "Constitución Política, página 39".
public enum CitationReference {
    private static let months = [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
        "noviembre", "diciembre",
    ]

    /// The publication named when none is stored.
    public static let defaultPublication = "La Gaceta"

    /// The reference; `title` names the document when there is no edition number. `publication` is the stored
    /// publication's name (else the one the title opens with, else `defaultPublication`); a supplement is named
    /// by its `alcance` number: "Alcance Nº 78 a La Gaceta Nº 129 del 15 de julio del 2024, página 3".
    public static func text(
        editionDate: String, editionNumber: String?, title: String, page: Int, printedPage: String?,
        publication: String? = nil, alcance: String? = nil
    ) -> String {
        edition(date: editionDate, number: editionNumber, title: title, publication: publication, alcance: alcance)
            + ", página " + pageName(page, printedPage)
    }

    /// "La Gaceta Nº 129 del 15 de julio del 2024" ("Alcance Nº 78 a La Gaceta Nº 129 del …" for a supplement), or
    /// the title when the number is unknown.
    public static func edition(
        date: String, number: String?, title: String, publication: String? = nil, alcance: String? = nil
    ) -> String {
        guard let name = numbered(number: number, title: title, publication: publication, alcance: alcance) else {
            return title.isEmpty ? "Documento" : title
        }
        return "\(name) del \(spanishDate(date))"
    }

    /// "La Gaceta Nº 129", "Alcance Nº 78 a La Gaceta Nº 129"; nil without an edition number.
    public static func numbered(number: String?, title: String, publication: String?, alcance: String?) -> String? {
        guard let number, !number.isEmpty else { return nil }
        let name =
            publication.flatMap { $0.isEmpty ? nil : $0 } ?? publicationName(inTitle: title, number: number)
            ?? defaultPublication
        let edition = "\(name) Nº \(number)"
        guard let alcance, !alcance.isEmpty else { return edition }
        return "Alcance Nº \(alcance) a \(edition)"
    }

    /// The name a masthead title opens with before the edition's number ("Diario de Centro America" in "Diario
    /// de Centro America Nº 29 — 12 de noviembre de 2013" for number 29), or nil: a decree's "Decreto N° 44123"
    /// names no publication.
    public static func publicationName(inTitle title: String, number: String) -> String? {
        for mark in [" Nº ", " N° ", " No. "] {
            guard let range = title.firstRange(of: mark) else { continue }
            let name = String(title[..<range.lowerBound]).trimmed
            let rest = title[range.upperBound...]
            guard !name.isEmpty, name.count <= 60, rest.hasPrefix(number),
                rest.dropFirst(number.count).first?.isNumber != true
            else { return nil }
            return name
        }
        return nil
    }

    /// "lunes 15 de julio del 2024" for "2024-07-15"; anything else as `spanishDate` gives it.
    public static func spanishDateWithWeekday(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
            return spanishDate(iso)
        }
        // Zeller's congruence (0 = Saturday).
        let (month, year) = parts[1] < 3 ? (parts[1] + 12, parts[0] - 1) : (parts[1], parts[0])
        let day = (parts[2] + 13 * (month + 1) / 5 + year + year / 4 - year / 100 + year / 400) % 7
        return weekdays[day] + " " + spanishDate(iso)
    }

    private static let weekdays = ["sábado", "domingo", "lunes", "martes", "miércoles", "jueves", "viernes"]

    /// The printed page when there is one, else the PDF page.
    public static func pageName(_ page: Int, _ printedPage: String?) -> String {
        if let printedPage, !printedPage.isEmpty { return printedPage }
        return String(page)
    }

    /// "2019-12-06" → "6 de diciembre del 2019" ("de" before years before 2000); anything else unchanged.
    public static func spanishDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return iso }
        return "\(day) de \(months[month - 1]) \(year >= 2000 ? "del" : "de") \(year)"
    }
}
