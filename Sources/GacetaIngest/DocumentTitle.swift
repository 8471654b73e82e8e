import GacetaText

/// The title a law, code or constitution prints at the head of its first page («CÓDIGO CIVIL», «Constitución
/// Política de la República de Costa Rica», «LEY SOBRE RESOLUCIÓN ALTERNA DE CONFLICTOS Y PROMOCIÓN DE LA» / «PAZ
/// SOCIAL»), for a PDF that is no gazette edition: answers name the document by it («Según Constitución Política de
/// la República de Costa Rica (página 39)…»), where its file's name («constitucion_politica_digital_edincr») says
/// little to a reader.
enum DocumentTitle {
    /// Lines of a page read for a title (covers put an imprint or a catalogue record first).
    static let linesRead = 12
    /// Pages with text read for a title (a cover may hold only the publisher's name).
    static let pagesRead = 2
    /// Longest title, in characters (a line of body text that starts with «Ley» is no title).
    static let maximumLength = 140

    /// Words a legal instrument's title starts with, folded.
    static let instrumentWords: Set<String> = [
        "constitucion", "codigo", "ley", "decreto", "reglamento", "estatuto", "convencion", "convenio", "tratado",
        "acuerdo", "resolucion", "directriz", "reforma",
    ]

    /// The title on the first `pagesRead` pages with text, or nil.
    static func find(in pages: [String]) -> String? {
        for page in pages.lazy.filter({ $0.contains(where: \.isLetter) }).prefix(pagesRead) {
            if let title = find(inPage: page) { return title }
        }
        return nil
    }

    /// The title on `page`: the first of its first lines that starts with an instrument's name and is no sentence
    /// (no comma in it, no full stop or colon at its end), with the next line when it ends on a word like «de» or
    /// «la» (the title wraps). A title that is only its type and number («LEY 11922») gives way to a later one that
    /// names the instrument («CÓDIGO PROCESAL PENAL»). Nil when no line qualifies.
    static func find(inPage page: String) -> String? {
        let lines = page.split(separator: "\n").map {
            $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        .filter { !$0.isEmpty }.prefix(linesRead)
        var numbered: String?
        var index = lines.startIndex
        while index < lines.endIndex {
            var title = lines[index]
            let words = title.split(separator: " ")
            guard let first = words.first, instrumentWords.contains(TextFolding.fold(String(first))) else {
                index += 1
                continue
            }
            var next = index + 1
            while next < lines.endIndex, let last = title.split(separator: " ").last,
                SpanishStopwords.contains(String(last)), title.count + lines[next].count < maximumLength
            {
                title += " " + lines[next]
                next += 1
            }
            // A sentence is body text that starts with «Ley…».
            if title.count <= maximumLength, !title.contains(","), let end = title.last, !".:;".contains(end) {
                let named =
                    title.split(separator: " ").filter { $0.contains(where: \.isLetter) }.count >= 2
                    && !words.dropFirst().allSatisfy { isNumberWord($0) }
                if named { return title }
                numbered = numbered ?? title
            }
            index = next
        }
        return numbered
    }

    /// «Nº», «No.», «número» or a number: what follows an instrument's type when the title only numbers it.
    private static func isNumberWord(_ word: Substring) -> Bool {
        guard !word.contains(where: \.isNumber) else { return true }
        let letters = TextFolding.fold(String(word.filter { $0.isLetter && $0 != "º" && $0 != "ª" }))
        return ["n", "no", "numero", "nro", "num"].contains(letters)
    }
}
