import GacetaCore

/// The fixed Spanish phrases of offline answers.
enum SpanishWording {
    /// The answer when no passage answers the question.
    static let notFound = "No encontré información sobre eso en las ediciones de La Gaceta disponibles."

    /// Longest document title named in an answer, in characters.
    static let maximumTitleLength = 120

    /// "La Gaceta Nº 129 del 15 de julio del 2024" (the document's title when the number is unknown).
    static func edition(of hit: SearchHit) -> String {
        CitationReference.edition(
            date: hit.editionDate, number: hit.editionNumber, title: title(of: hit), publication: hit.publication,
            alcance: hit.alcanceNumber)
    }

    /// What an answer names for a passage: the document and where it was published, with the page — "Decreto
    /// Ejecutivo N° 44123-MP (La Gaceta Nº 129, lunes 15 de julio del 2024, página 3)", "Alcance Nº 78 a La Gaceta
    /// Nº 129, …" for a supplement; the edition alone when the document is the whole edition (its title is the
    /// masthead: "La Gaceta Nº 129, lunes 15 de julio del 2024, página 3"); for a document without an edition
    /// number "Constitución Política (página 39)". The page is the printed one when known, else the PDF page.
    static func source(of hit: SearchHit) -> String {
        let page = "página " + CitationReference.pageName(hit.page, hit.printedPage)
        let title = title(of: hit)
        guard
            let edition = CitationReference.numbered(
                number: hit.editionNumber, title: hit.documentTitle, publication: hit.publication,
                alcance: hit.alcanceNumber)
        else { return "\(title) (\(page))" }
        let published = "\(edition), \(CitationReference.spanishDateWithWeekday(hit.editionDate)), \(page)"
        if isMasthead(hit.documentTitle, number: hit.editionNumber) { return published }
        return "\(title) (\(published))"
    }

    /// Whether a title is only the edition's masthead ("La Gaceta Nº 129 — 15 de julio de 2024"): a publication's
    /// name and the edition's number, then no capitalised word (a date's month is lower-case).
    static func isMasthead(_ title: String, number: String?) -> Bool {
        guard let number, let name = CitationReference.publicationName(inTitle: title, number: number) else {
            return false
        }
        let rest = title.dropFirst(name.count).drop { !$0.isNumber }.dropFirst(number.count)
        return !rest.contains { $0.isLetter && $0.isUppercase }
    }

    /// The document's title on one line, shortened at a word to `maximumTitleLength` ("…").
    static func title(of hit: SearchHit) -> String {
        var title = hit.documentTitle.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if title.isEmpty { return "el documento" }
        if title.count > maximumTitleLength {
            var prefix = title.prefix(maximumTitleLength)
            if let space = prefix.lastIndex(of: " ") { prefix = prefix[..<space] }
            title = String(prefix) + " …"
        }
        return title
    }

    /// "2024-07-05" → "5 de julio del 2024"; anything else is returned unchanged.
    static func date(_ iso: String) -> String {
        CitationReference.spanishDate(iso)
    }

    /// A quote as shown inside «…» in an answer: whitespace runs as one space, no final period (the answer's
    /// sentence supplies it), "…" when the sentence was cut.
    static func inlineQuote(_ sentence: QuotableSentences.Sentence) -> String {
        var text = sentence.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = text.last, ".;:,".contains(last) { text.removeLast() }
        return sentence.isCut ? text + " …" : text
    }
}
