import GacetaCore

/// The fixed Spanish phrases of offline answers.
enum SpanishWording {
    /// The answer when no passage answers the question.
    static let notFound = "No encontré información sobre eso en las ediciones de La Gaceta disponibles."

    private static let months = [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
        "noviembre", "diciembre",
    ]

    /// "La Gaceta Nº 129 del 15 de julio de 2024" (without "Nº …" when the number is unknown).
    static func edition(of hit: SearchHit) -> String {
        var text = "La Gaceta"
        if let number = hit.editionNumber, !number.isEmpty { text += " Nº \(number)" }
        return text + " del " + date(hit.editionDate)
    }

    /// "2024-07-05" → "5 de julio de 2024"; anything else is returned unchanged.
    static func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return iso }
        return "\(day) de \(months[month - 1]) de \(year)"
    }

    /// A quote as shown inside «…» in an answer: whitespace runs as one space, no final period (the answer's
    /// sentence supplies it), "…" when the sentence was cut.
    static func inlineQuote(_ sentence: QuotableSentences.Sentence) -> String {
        var text = sentence.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = text.last, ".;:,".contains(last) { text.removeLast() }
        return sentence.isCut ? text + " …" : text
    }
}
