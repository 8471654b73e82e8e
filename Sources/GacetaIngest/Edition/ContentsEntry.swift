import GacetaText

/// One entry of an edition's table of contents that names a notice ("Proyecto de Ley número 232 de 2026 Senado,
/// por medio de la cual … ........ 1 1"), wherever the contents are printed (the cover, or the last page of the
/// Gaceta del Congreso): its title, the page it points to and the identifier's key.
struct ContentsEntry: Equatable {
    var title: String
    var page: Int
    var key: String

    /// The entries with an identifier, read from every table of contents in `lines`.
    static func entries(in lines: [EditionLine]) -> [ContentsEntry] {
        var entries: [ContentsEntry] = []
        var inContents = false
        var text: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            defer { index += 1 }
            let display = line.display
            if GazetteVocabulary.contentsTitles.contains(GazetteVocabulary.letters(TextFolding.fold(display))) {
                inContents = true
                text = []
                continue
            }
            guard inContents, !display.isEmpty else { continue }
            if LineText.isUppercase(display) || display.hasPrefix("Pág") || display.hasPrefix("Gaceta") {
                text = []  // a section of the contents, or its header
                continue
            }
            guard let leaders = display.firstRange(of: "...") else {
                text.append(display)
                if text.count > 12 { inContents = false }
                continue
            }
            text.append(String(display[..<leaders.lowerBound]))
            var digits = display[leaders.upperBound...].filter(\.isNumber)
            var next = index + 1
            while next < lines.count, lines[next].display.isEmpty { next += 1 }
            if digits.isEmpty, next < lines.count {
                let number = lines[next].display
                if number.allSatisfy({ $0.isNumber || $0 == " " }) {
                    digits = number.filter(\.isNumber)
                    index = next  // the page number printed on the line after the leaders
                }
            }
            let full = LineText.collapseWhitespace(text.joined(separator: " ").replacingDots())
            text = []
            guard let page = Int(digits), page > 0 else { continue }
            let title = shortTitle(full)
            if let key = NoticeIdentifier.key(of: title) {
                entries.append(ContentsEntry(title: title, page: page, key: key))
            }
        }
        return entries
    }

    /// "Proyecto de Ley número 232 de 2026 Senado, por medio de la cual …" → "Proyecto de Ley número 232 de 2026
    /// Senado".
    static func shortTitle(_ text: String) -> String {
        let folded = TextFolding.fold(text)
        for marker in [", por ", " por medio de", " por la cual", " por el cual"] {
            if let range = folded.firstRange(of: marker) {
                let offset = folded.distance(from: folded.startIndex, to: range.lowerBound)
                return String(text.prefix(offset))
            }
        }
        return NoticeSplitter.shortened(text)
    }
}

extension String {
    /// Trailing dot leaders and stray dots removed.
    fileprivate func replacingDots() -> String {
        var text = Substring(self)
        while let last = text.last, last == "." || last == " " || last == "…" { text = text.dropLast() }
        return String(text)
    }
}
