import GacetaText

/// The name of the publication printed on a gazette's cover or running header.
enum PublicationName {
    /// Words that start a gazette's name ("La Gaceta", "Diario de Centro América", "Boletín Oficial del Estado").
    private static let leadingWords: Set<String> = [
        "gaceta", "diario", "boletin", "periodico", "registro", "monitor", "peruano", "official",
    ]
    /// Names that only describe the kind of publication; used when nothing more specific is printed.
    private static let descriptors: Set<String> = ["diariooficial", "boletinoficial", "periodicooficial"]
    /// Words that end the name on a line that goes on with the number or the date.
    private static let stopWords: Set<String> = ["n", "no", "nro", "numero", "ano", "edicion", "alcance"]
    /// Words a name never ends with ("La Gaceta del 15 de julio" names «La Gaceta»).
    private static let trailingWords: Set<String> = ["de", "del", "la", "el", "y", "en", "a", "al"]
    static let maximumWords = 6

    /// The first name-like line among `lines`, title-cased when printed in capitals.
    static func find<C: Collection>(in lines: C) -> String? where C.Element == String {
        var descriptor: String?
        for line in lines {
            guard let name = name(in: line) ?? supplemented(in: line) ?? runTogether(in: line) else { continue }
            if descriptors.contains(letters(name)) {
                descriptor = descriptor ?? name
                continue
            }
            return name
        }
        return descriptor
    }

    /// Official gazettes' names as pdftotext gives a letter-spaced masthead whose gaps it reads as no space at all
    /// («GacetadelCongreso»), keyed by their folded letters. Only whole names: a run-together word is not split
    /// into unknown ones.
    private static let runTogetherNames: [String: String] = Dictionary(
        uniqueKeysWithValues: [
            "La Gaceta", "Gaceta del Congreso", "Gaceta Oficial", "Diario Oficial", "Diario de Centro América",
            "Diario Oficial de la Federación", "El Peruano", "Boletín Oficial", "Boletín Oficial del Estado",
            "Registro Oficial", "La Gaceta Diario Oficial",
        ].map { (letters($0), $0) })

    /// "GacetadelCongreso" (the line's first word) → "Gaceta del Congreso"; nil for anything else.
    static func runTogether(in line: String) -> String? {
        guard let first = line.split(whereSeparator: { $0.isWhitespace }).first else { return nil }
        return runTogetherNames[letters(String(first))]
    }

    /// The folded letters of `text`, which is how names are compared: "Boletín Oficial" → "boletinoficial".
    private static func letters(_ text: String) -> String { TextFolding.fold(text).filter(\.isLetter) }

    /// "ALCANCE Nº 78 A LA GACETA Nº 113" → "La Gaceta".
    static func supplemented(in line: String) -> String? {
        let words = line.split(separator: " ")
        guard let first = words.first, TextFolding.fold(String(first)) == "alcance",
            let joiner = words.firstIndex(where: { TextFolding.fold(String($0)) == "a" })
        else { return nil }
        return name(in: words[(joiner + 1)...].joined(separator: " "))
    }

    /// "La Gaceta Nº 129 — Lunes …" → "La Gaceta"; "Gaceta del Congreso 1313 Jueves, …" → "Gaceta del Congreso";
    /// nil for a line that does not start with a gazette's name.
    static func name(in line: String) -> String? {
        var kept: [Substring] = []
        for word in line.split(whereSeparator: { $0.isWhitespace }) {
            let folded = TextFolding.fold(String(word))
            let letters = folded.filter { $0.isLetter && $0 != "º" }
            if word.first.map({ $0.isNumber || "—–-|,(".contains($0) }) ?? true { break }
            if stopWords.contains(letters) || letters.isEmpty { break }
            kept.append(word.hasSuffix(",") || word.hasSuffix(":") ? word.dropLast() : word)
            if word.hasSuffix(",") { break }
        }
        while let last = kept.last, trailingWords.contains(TextFolding.fold(String(last))) { kept.removeLast() }
        guard !kept.isEmpty, kept.count <= maximumWords else { return nil }
        let folded = kept.map { TextFolding.fold(String($0)) }
        let start = folded[0] == "la" || folded[0] == "el" ? 1 : 0
        guard start < folded.count, leadingWords.contains(folded[start]) else { return nil }
        if kept.count == 1 + start, folded[start] != "gaceta", folded[start] != "peruano" { return nil }
        return LineText.titleCased(kept.joined(separator: " "))
    }
}
