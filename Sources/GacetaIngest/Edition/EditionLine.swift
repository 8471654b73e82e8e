import GacetaText

/// One line of an edition, classified by what it does for the reader.
struct EditionLine: Sendable {
    enum Kind: Sendable, Equatable {
        case blank
        /// The title of a table of contents ("CONTENIDO").
        case contentsTitle
        /// A table-of-contents entry ("PODER EJECUTIVO ........ 2"), with its name.
        case contentsEntry(String)
        /// A section heading; `group` is the type its notices have when they say nothing else ("AVISOS").
        case section(String, group: NoticeType?)
        case institution(String)
        /// A notice heading; `type` from its first word, nil for a numbered heading ("N° 44123-MP").
        case notice(NoticeType?)
        case body
    }

    /// 1-based PDF page.
    var page: Int
    /// As extracted.
    let text: String
    /// The line with letter spacing joined and whitespace collapsed, as shown in a title.
    let display: String
    var kind: Kind
    /// The publication code closing a notice on this line.
    var code: String?

    static func display(of text: String) -> String {
        LineText.collapseWhitespace(LineText.collapseLetterSpacing(Substring(text)))
    }

    var isHeading: Bool {
        switch kind {
        case .section, .institution, .notice: true
        default: false
        }
    }

    var isContext: Bool {
        switch kind {
        case .section, .institution: true
        default: false
        }
    }
}

/// Classifies lines; `sections` are extra section names (letters only) read from the table of contents.
struct EditionLineClassifier {
    var sections: Set<String> = []
    static let maximumHeadingWords = 16
    private static let numberMarkers: Set<String> = ["n", "no", "nro", "numero"]

    func classify(_ text: String, page: Int) -> EditionLine {
        let display = EditionLine.display(of: text)
        return EditionLine(
            page: page, text: text, display: display, kind: kind(of: text, display: display),
            code: PublicationCode.find(in: text))
    }

    func kind(of text: String, display: String) -> EditionLine.Kind {
        if display.isEmpty { return .blank }
        let folded = TextFolding.fold(display)
        let letters = GazetteVocabulary.letters(folded)
        if GazetteVocabulary.contentsTitles.contains(letters) { return .contentsTitle }
        if let name = Self.contentsEntryName(text) { return .contentsEntry(name) }
        // A heading starts with a letter and is not a form's label ("PROYECTO DE LEY (PL) No.:"), a table's cell
        // ("| TEXTO RADICADO |") or an inner heading that introduces what follows ("TEXTO PROPUESTO:").
        guard display.first?.isLetter ?? false, !display.contains(where: { "|[]{}".contains($0) }),
            !display.hasSuffix(":")
        else { return .body }
        // Only a numbered heading ("N° 44123-MP") may be other than uppercase: the rest is body, without its words.
        if display.first != "N", !LineText.isUppercase(display) { return .body }
        let words = LineText.words(display)
        guard let first = words.first, words.count <= Self.maximumHeadingWords else { return .body }
        if Self.isNumberedHeading(display, words: words) { return .notice(nil) }
        guard LineText.isUppercase(display) else { return .body }
        if GazetteVocabulary.sections.contains(letters) || sections.contains(letters) {
            let group = words.count == 1 ? GazetteVocabulary.typeOfGroup(first) : nil
            return .section(display, group: group)
        }
        if let group = GazetteVocabulary.typeOfGroup(letters), words.count == 1 {
            return .section(display, group: group)
        }
        if GazetteVocabulary.ministryHeadings.contains(letters) { return .institution(display) }
        if words.count >= 2, GazetteVocabulary.institutionWords.contains(first) { return .institution(display) }
        if words.count >= 2, GazetteVocabulary.singularTypes.contains(first), let type = NoticeType.named(byWord: first)
        {
            return .notice(type)  // "DECRETO EJECUTIVO N° …"; plurals are groups, handled above
        }
        if words.count >= 2, GazetteVocabulary.noticeWords.contains(first) {
            if first == "proyecto", words.count >= 3, words[1] == "de", words[2] == "ley" { return .notice(.ley) }
            return .notice(nil)
        }
        return .body
    }

    /// "N° 44123-MP", "Nº 10456", "No. 2024-015": a number sign and an identifier, nothing else.
    static func isNumberedHeading(_ display: String, words: [String]) -> Bool {
        guard words.count >= 2, words.count <= 4, numberMarkers.contains(words[0]) else { return false }
        guard display.first == "N", display.split(separator: " ").count <= 3 else { return false }
        return (words[1].first?.isNumber ?? false) && !display.contains(")")
    }

    /// The name of a table-of-contents entry: text, then dot leaders or 3 spaces, then a page number.
    static func contentsEntryName(_ text: String) -> String? {
        var line = Substring(text).trimmingSpaces
        guard let last = line.last, last.isNumber else { return nil }
        while let end = line.last, end.isNumber { line = line.dropLast() }
        var body = line
        while let end = body.last, end == " " { body = body.dropLast() }
        let folded = TextFolding.fold(String(body))
        for suffix in ["pagina", "pag.", "pag"] where folded.hasSuffix(suffix) {
            body = body.dropLast(suffix.count)
            line = body
            while let end = body.last, end == " " { body = body.dropLast() }
            break
        }
        var leaders = 0
        while let end = body.last, end == "." || end == "…" || end == " " || end == "_" {
            leaders += end == " " ? 0 : 1
            body = body.dropLast()
        }
        let gap = line.count - body.count
        guard leaders >= 3 || gap >= 3 else { return nil }
        let name = LineText.collapseWhitespace(body)
        guard name.contains(where: \.isLetter) else { return nil }
        return name
    }
}
