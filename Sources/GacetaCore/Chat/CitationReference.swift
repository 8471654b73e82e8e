/// A ready-to-paste reference to a page of an edition, in Spanish, as La Gaceta's readers write it: "La Gaceta
/// Nº 233 del 6 de diciembre del 2019, página 10". The page is the printed one when known, else the PDF page.
/// Without an edition number the date is left out too (documents ingested with a date of their own, such as a
/// constitution, have no edition to name): "Constitución Política, página 39".
public enum CitationReference {
    private static let months = [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
        "noviembre", "diciembre",
    ]

    /// The reference; `title` names the document when there is no edition number.
    public static func text(
        editionDate: String, editionNumber: String?, title: String, page: Int, printedPage: String?,
        publication: String? = nil
    ) -> String {
        edition(date: editionDate, number: editionNumber, title: title, publication: publication) + ", página "
            + pageName(page, printedPage)
    }

    /// "La Gaceta Nº 129 del 15 de julio del 2024", "Gaceta del Congreso Nº 1346 del 21 de septiembre del 2026":
    /// the masthead's publication (`defaultPublication` for an edition stored before mastheads were read), or the
    /// title when the number is unknown.
    public static func edition(date: String, number: String?, title: String, publication: String? = nil) -> String {
        guard let number, !number.isEmpty else { return title.isEmpty ? "Documento" : title }
        let name = publication.flatMap { $0.isEmpty ? nil : $0 } ?? defaultPublication
        return "\(name) Nº \(number) del \(spanishDate(date))"
    }

    /// Editions stored before schema version 6 came from the edition line "La Gaceta Nº …" only.
    public static let defaultPublication = "La Gaceta"

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
