import GacetaText

/// An edition cut into its notices.
public struct EditionSplit: Sendable, Equatable {
    /// In order; the first is the `sumario` (cover and contents) when the edition has one.
    public var notices: [Notice]
    /// False when no notice boundary was found: the caller keeps the file as one document.
    public var foundBoundaries: Bool
    /// The entries of the table of contents, as printed.
    public var contents: [String]
}

/// Splits an edition's pages (running headers already out) into notices at the boundaries the edition gives:
/// its table of contents, section headings, notice headings and the publication codes that close notices.
public enum NoticeSplitter {
    /// Notices the table of contents names (with their identifier) that no heading opened — a heading the printer
    /// set as an image or a table: each starts on its page, at the line that names its number, with the contents'
    /// title.
    static func startsFromContents(_ lines: [EditionLine], starts: [Int], after first: Int) -> [(Int, String)] {
        var known: Set<String> = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : lines.count
            guard let heading = (start..<end).first(where: { if case .notice = lines[$0].kind { true } else { false } })
            else { continue }
            let title = joined(titleLines(lines, from: heading).map { lines[$0].display })
            if let key = NoticeIdentifier.key(of: title) { known.insert(key) }
        }
        var added: [(Int, String)] = []
        for entry in ContentsEntry.entries(in: lines) where !known.contains(entry.key) {
            let onPage = lines.indices.filter { $0 > first && lines[$0].page == entry.page && lines[$0].kind != .blank }
            guard let top = onPage.first else { continue }
            let named = onPage.first { index in
                let words = LineText.words(lines[index].display)
                return zip(words, words.dropFirst()).contains { markerWords.contains($0) && Int($1) == Int(entry.key) }
            }
            added.append((named ?? top, entry.title))
            known.insert(entry.key)
        }
        return added
    }

    /// Headings that continue the document of the same bill.
    static let partWords: Set<String> = ["texto", "pliego", "ponencia", "informe", "proposicion"]

    /// Most lines of a heading printed over several lines.
    static let maximumTitleLines = 5
    /// A title made of a notice's first line is cut near this length.
    static let titleLength = 120

    public static func split(pages: [String], masthead: Masthead?) -> EditionSplit {
        var lines: [EditionLine] = []
        var classifier = EditionLineClassifier()
        let contents = contentsBlock(pages: pages)
        classifier.sections = Set(contents.names.map { GazetteVocabulary.letters(TextFolding.fold($0)) })
        for (position, page) in pages.enumerated() {
            for text in page.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(classifier.classify(String(text), page: position + 1))
            }
        }
        // A code broken over two lines: "1 vez.—(" / "IN2024000101 )."
        for index in lines.indices.dropFirst() where lines[index].code == nil && lines[index - 1].code == nil {
            let joined = lines[index - 1].text + " " + lines[index].text
            if let code = PublicationCode.find(in: joined), lines[index].text.contains(code.dropFirst(2)) {
                lines[index].code = code
            }
        }
        let contentsEnd = min(contents.endLine ?? 0, lines.count)
        for index in lines.indices {
            switch lines[index].kind {
            case .section, .institution, .notice:
                if index < contentsEnd { lines[index].kind = .body }
            case .contentsEntry, .contentsTitle:
                if index >= contentsEnd { lines[index].kind = .body }
            default: break
            }
        }
        joinWrappedInstitutions(&lines)
        var starts = noticeStarts(lines, from: contentsEnd, editionNumber: masthead?.number)
        var titles: [Int: String] = [:]
        if let first = starts.first {
            for (line, title) in startsFromContents(lines, starts: starts, after: first) {
                starts.append(line)
                titles[line] = title
            }
            starts = Array(Set(starts)).sorted()
        }
        guard let first = starts.first else {
            return EditionSplit(notices: [], foundBoundaries: false, contents: contents.names)
        }
        var notices: [Notice] = []
        var context = Context()
        let hasSumario = first > 0 && masthead != nil && lines[0..<first].contains { $0.kind != .blank }
        if hasSumario {
            for line in lines[0..<first] { context.update(with: line) }
            notices.append(
                Notice(
                    index: 1, title: masthead?.title ?? "Sumario", type: .sumario,
                    parts: parts(of: lines[0..<first])))
        }
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : lines.count
            let range = (position == 0 && !hasSumario ? 0 : start)..<end
            notices.append(
                notice(lines, range, index: notices.count + 1, context: &context, title: titles[range.lowerBound]))
        }
        return EditionSplit(notices: notices, foundBoundaries: true, contents: contents.names)
    }

    /// Section, group and institution in force at a line.
    struct Context {
        var section: String?
        var group: NoticeType?
        var institution: String?

        mutating func update(with line: EditionLine) {
            switch line.kind {
            case .section(let name, let group):
                let letters = GazetteVocabulary.letters(TextFolding.fold(name))
                if group != nil, section != nil, !GazetteVocabulary.topLevelGroups.contains(letters) {
                    self.group = group  // "DECRETOS" under "PODER EJECUTIVO"
                } else {
                    section = name
                    self.group = group
                }
                institution = nil
            case .institution(let name):
                institution = name
            default:
                break
            }
        }
    }

    /// Most words of the line that ends an institution's name wrapped in a column.
    static let maximumWrappedNameWords = 4

    /// An institution's name wrapped over two lines («COLEGIO DE INGENIEROS AGRÓNOMOS DE COSTA» / «RICA», «CAJA
    /// COSTARRICENSE DE SEGURO SOCIAL, SU-» / «CURSAL DE TURRIALBA»): a short line in capitals right after it
    /// ends the name; it is not the notice's first words (its title would read «RICA Se convoca…»).
    static func joinWrappedInstitutions(_ lines: inout [EditionLine]) {
        for index in lines.indices.dropFirst() {
            guard case .institution(let name) = lines[index - 1].kind, lines[index].kind == .body,
                lines[index].code == nil, LineText.isUppercase(lines[index].display),
                LineText.words(lines[index].display).count <= maximumWrappedNameWords
            else { continue }
            let whole = joined([name, lines[index].display])
            lines[index - 1].kind = .institution(whole)
            lines[index].kind = .institution(whole)
        }
    }

    /// Lines of one heading or name as one line: joined by a space, or at a hyphen that ends a line without it when
    /// letters meet («SU-» «CURSAL» → «SUCURSAL»), with it otherwise («44123-» «MP» → «44123-MP»).
    static func joined(_ lines: [String]) -> String {
        var text = ""
        for line in lines {
            if text.hasSuffix("-") {
                let before = text.dropLast().last
                if before?.isLetter == true, line.first?.isLetter == true { text.removeLast() }
                text += line
            } else {
                text += text.isEmpty ? line : " " + line
            }
        }
        return text
    }

    /// Where each notice starts (after the sumario).
    static func noticeStarts(_ lines: [EditionLine], from firstLine: Int, editionNumber: String? = nil) -> [Int] {
        let hasCodes = lines.contains { $0.code != nil }
        var currentKey: String?
        var currentWord = ""
        var starts: [Int] = []
        var lowerBound = firstLine
        var bodyLines = 0
        var afterCode = false
        var index = firstLine
        func start(at line: Int) {
            var position = line
            while position - 1 >= lowerBound, lines[position - 1].isContext || lines[position - 1].kind == .blank {
                position -= 1
            }
            while position < line, lines[position].kind == .blank { position += 1 }
            starts.append(position)
            bodyLines = 0
            afterCode = false
        }
        while index < lines.count {
            let line = lines[index]
            switch line.kind {
            case .notice:
                let title = titleLines(lines, from: index)
                let key = NoticeIdentifier.key(of: joined(title.map { lines[$0].display }))
                // The edition's own number in a running header ("NÚMERO 29") opens nothing; a heading that repeats
                // the current notice's identifier ("INFORME … AL PROYECTO DE LEY NÚMERO 151 DE 2025") goes on with it.
                let isHeader =
                    key != nil && key == editionNumber && title.count == 1
                    && LineText.words(lines[index].display).count == 2
                let word = LineText.words(lines[index].display).first ?? ""
                // Parts of the same bill ("INFORME DE PONENCIA …", "TEXTO PROPUESTO …") go on with it; so does a heading
                // without a number that is not a notice type ("TEXTO PROPUESTO PARA SEGUNDO DEBATE").
                let sameBill =
                    key != nil && key == currentKey
                    && (word == currentWord || partWords.contains(word) || markerWords.contains(word))
                let inner = key == nil && !starts.isEmpty && !GazetteVocabulary.singularTypes.contains(word)
                let repeats = (sameBill || inner) && !afterCode
                if !isHeader, !repeats, starts.isEmpty || afterCode || bodyLines > 0 {
                    start(at: index)
                    currentKey = key
                    currentWord = word
                }
                if isHeader {
                    index += 1
                    continue
                }
                index = title.last ?? index
                if lines[index].code != nil { afterCode = true }
                lowerBound = index + 1
                index += 1
                continue
            case .body:
                // After a table of contents, text opens the first notice; on a bare cover it is the cover.
                if afterCode || (starts.isEmpty && hasCodes && firstLine > 0) { start(at: index) }
                bodyLines += 1
            default:
                break
            }
            if line.code != nil, starts.isEmpty {
                starts.append(firstLine)  // a notice closed before any heading: it began with the text
            }
            if line.code != nil {
                afterCode = true
                lowerBound = index + 1
            }
            index += 1
        }
        return starts
    }

    /// The lines that make up the heading starting at `start` (blank lines between them skipped).
    static func titleLines(_ lines: [EditionLine], from start: Int) -> [Int] {
        var result = [start]
        var index = start + 1
        while index < lines.count, result.count < maximumTitleLines {
            if lines[index].kind == .blank {
                index += 1
                continue
            }
            guard continuesTitle(lines[index], after: lines[result[result.count - 1]]) else { break }
            result.append(index)
            index += 1
        }
        return result
    }

    private static let startConnectors: Set<String> = [
        "de", "del", "para", "por", "sobre", "que", "y", "e", "al", "a", "en", "con", "o", "n", "no", "numero",
    ]

    private static let markerWords: Set<String> = ["n", "no", "nro", "numero"]

    static func continuesTitle(_ line: EditionLine, after previous: EditionLine) -> Bool {
        guard line.code == nil, previous.code == nil else { return false }
        switch line.kind {
        case .notice: return true
        case .body: break
        default: return false
        }
        let display = line.display
        // «… MODIFI-» / «CACIÓN DEL ARTÍCULO 88», «N° 44123-» / «MP»: a heading that ends in a hyphen goes on with
        // the next line in capitals, however short.
        if previous.display.hasSuffix("-"), LineText.isCapitals(display) { return true }
        let words = LineText.words(display)
        guard let first = words.first, words.count <= EditionLineClassifier.maximumHeadingWords,
            LineText.isUppercase(display) || first.first?.isNumber == true
        else { return false }
        let previousWords = LineText.words(previous.display)
        if let last = previousWords.last, GazetteVocabulary.connectors.contains(last) { return true }
        if startConnectors.contains(first) || first.first?.isNumber == true { return true }
        // "… DEL PROYECTO DE LEY" / "ORGÁNICA NÚMERO 161 DE 2026 SENADO": the line that brings the number.
        return NoticeIdentifier.key(of: previous.display) == nil && words.contains { markerWords.contains($0) }
            && NoticeIdentifier.key(of: display) != nil
    }

    static func notice(
        _ lines: [EditionLine], _ range: Range<Int>, index: Int, context: inout Context, title contentsTitle: String?
    ) -> Notice {
        var headingLine: Int?
        var before = context
        for position in range {
            if case .notice = lines[position].kind {
                headingLine = position
                break
            }
            before.update(with: lines[position])
            if lines[position].kind == .body { break }
        }
        context = before
        let section = context.section
        var institution = context.institution
        var title: String
        var type: NoticeType?
        if let contentsTitle {
            title = contentsTitle
            let words = LineText.words(contentsTitle)
            type =
                words.starts(with: ["proyecto", "de", "ley"]) ? .ley : words.first.flatMap(NoticeType.named(byWord:))
        } else if let headingLine {
            title = joined(titleLines(lines, from: headingLine).map { lines[$0].display })
            if case .notice(let named) = lines[headingLine].kind { type = named }
        } else {
            title = firstSentence(lines[range])
        }
        let group = context.group
        if let headingLine {
            for line in lines[headingLine..<range.upperBound] { context.update(with: line) }
        } else {
            for line in lines[range] { context.update(with: line) }
        }
        if institution == nil {
            institution = lines[range].prefix(12).first(where: {
                if case .institution = $0.kind { true } else { false }
            })
            .map(\.display)
        }
        let code = lines[range].last(where: { $0.code != nil })?.code
        return Notice(
            index: index, title: title, type: type ?? group ?? .otro, identifier: NoticeIdentifier.find(in: title),
            section: section, institution: institution, publicationCode: code, parts: parts(of: lines[range]))
    }

    /// The first sentence of a notice without a heading (its first body lines joined), shortened.
    static func firstSentence(_ lines: ArraySlice<EditionLine>) -> String {
        var text = ""
        for line in lines where line.kind == .body {
            text += (text.isEmpty ? "" : " ") + line.display
            if text.count > titleLength * 2 { break }
            if let sentence = SentenceSplitter.sentences(text).first, sentence.count < text.count {
                return shortened(sentence)
            }
        }
        return shortened(SentenceSplitter.sentences(text).first ?? text)
    }

    /// At most `titleLength` characters, cut at a space.
    static func shortened(_ text: String) -> String {
        guard text.count > titleLength else { return text }
        let prefix = text.prefix(titleLength)
        guard let space = prefix.lastIndex(of: " ") else { return String(prefix) + "…" }
        return String(prefix[..<space]) + "…"
    }

    /// The lines grouped by page, without blank lines at either end of a part.
    static func parts(of lines: ArraySlice<EditionLine>) -> [Notice.Part] {
        var parts: [Notice.Part] = []
        var page = lines.first?.page ?? 1
        var texts: [String] = []
        func flush() {
            while let first = texts.first, first.allSatisfy(\.isWhitespace) { texts.removeFirst() }
            while let last = texts.last, last.allSatisfy(\.isWhitespace) { texts.removeLast() }
            if !texts.isEmpty { parts.append(Notice.Part(page: page, text: texts.joined(separator: "\n"))) }
            texts = []
        }
        for line in lines {
            if line.page != page {
                flush()
                page = line.page
            }
            texts.append(line.text)
        }
        flush()
        if parts.isEmpty { parts.append(Notice.Part(page: lines.first?.page ?? 1, text: "")) }
        return parts
    }

    /// "Página 16", "Pág. 3", or an OCR'd "P6gina 30": a page reference on a line of its own.
    static func isPageReference(_ display: String) -> Bool {
        let words = display.split(separator: " ")
        guard words.count <= 3, display.contains(where: \.isNumber) else { return false }
        let letters = GazetteVocabulary.letters(TextFolding.fold(display))
        return letters.first == "p" && (3...8).contains(letters.count)
    }

    /// The table of contents on the first two pages: its entries' names and the line after its last entry.
    static func contentsBlock(pages: [String]) -> (names: [String], endLine: Int?) {
        var lineNumber = 0
        var inBlock = false
        var names: [String] = []
        var endLine: Int?
        var misses = 0
        for (position, page) in pages.enumerated() {
            for text in page.split(separator: "\n", omittingEmptySubsequences: false) {
                defer { lineNumber += 1 }
                guard position < 2 else { continue }
                let display = LineText.collapseWhitespace(LineText.collapseLetterSpacing(text))
                if !inBlock {
                    if endLine == nil,
                        GazetteVocabulary.contentsTitles.contains(GazetteVocabulary.letters(TextFolding.fold(display)))
                    {
                        inBlock = true
                        endLine = lineNumber + 1
                    }
                    continue
                }
                if display.isEmpty { continue }
                if let name = EditionLineClassifier.contentsEntryName(String(text)) {
                    let words = LineText.words(name)
                    if words.count <= 5, !name.contains(where: \.isNumber) { names.append(name) }
                    endLine = lineNumber + 1
                    misses = 0
                } else if isPageReference(display) {
                    endLine = lineNumber + 1  // "Página 16" under an entry printed over several lines
                    misses = 0
                } else {
                    misses += 1
                    if misses > 12 { inBlock = false }
                }
            }
        }
        return (names, endLine)
    }
}
