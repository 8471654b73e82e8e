import GacetaText

/// Running headers, footers and page numbers: the lines a printer repeats on every page.
///
/// A line is furniture when the same line with its digits masked ("Pág #  La Gaceta Nº # — Lunes # de julio
/// del #") appears on at least 30 % of the pages (and on two), or within the first or last 2 lines of at least
/// 3 pages. Text that repeats is kept: a line seen twice on one page ("CONSIDERANDO:"), a publication code, a line
/// that stands apart (next to a blank line, or among a page's first or last 3 lines) on fewer than half of its
/// pages, and a line
/// without digits that never sits at a page's edge unless it is on 40 % of the pages (poppler may place the right
/// half of a running header between the columns, after a blank line), and the tail of a sentence (a line that
/// starts in lowercase and ends in punctuation). Pages with fewer than 6 lines of text are not counted: on them
/// every line is at an edge.
public struct PageFurniture: Sendable, Equatable {
    /// The masked forms of the furniture lines.
    public let patterns: Set<String>

    static let shareOfPages = 0.3
    static let shareWithoutDigits = 0.4
    static let edgePagesNeeded = 3
    static let ruleEdge = 2
    /// Lines at each end of a page that count as standing apart (a header printed over 3 lines).
    static let edgeLines = 3
    /// Least lines of text a page needs for its lines to count (headers are learned from full pages).
    static let minimumLines = 6

    public init(patterns: Set<String>) {
        self.patterns = patterns
    }

    /// Learns the furniture of a document from all its pages.
    public init(pages: [String]) {
        self.init(masked: pages.map(MaskedPage.init))
    }

    /// Learns the furniture of a document from all its pages, masked.
    init(masked pages: [MaskedPage]) {
        // Each distinct line (its key) gets a number once; the counts are kept by number.
        var numbers: [String: Int] = [:]
        var names: [String] = []
        var anywhere: [Int] = []
        var nearEdge: [Int] = []
        var repeated: [Bool] = []
        var apart: [Int] = []
        var tails: [Bool] = []
        // The last learned page each line was seen on, anywhere and near an edge.
        var seenOn: [Int] = []
        var seenNearOn: [Int] = []
        var learned = 0
        for page in pages {
            let all = page.lines
            var lines: [Int] = []
            let content = page.content
            // On a page of a few lines, every line is at an edge: such pages teach nothing about furniture.
            guard content.count >= Self.minimumLines else { continue }
            learned += 1
            let edges = Set(content.prefix(Self.edgeLines) + content.suffix(Self.edgeLines))
            for position in content {
                let raw = all[position]
                let key = Self.key(masked: page.masks[position])
                let line: Int
                if let known = numbers[key] {
                    line = known
                } else {
                    line = names.count
                    numbers[key] = line
                    names.append(key)
                    anywhere.append(0)
                    nearEdge.append(0)
                    repeated.append(false)
                    apart.append(0)
                    tails.append(false)
                    seenOn.append(0)
                    seenNearOn.append(0)
                }
                lines.append(line)
                let trimmed = raw.trimmingSpaces
                if let last = trimmed.last, ".;:,".contains(last), trimmed.first?.isLowercase ?? false {
                    tails[line] = true
                }
                let before = position == 0 || page.blank[position - 1]
                let after = position == all.count - 1 || page.blank[position + 1]
                if before || after || edges.contains(position) { apart[line] += 1 }
            }
            for (position, line) in lines.enumerated() {
                if min(position, lines.count - 1 - position) < Self.ruleEdge, seenNearOn[line] != learned {
                    seenNearOn[line] = learned
                    nearEdge[line] += 1
                }
                if seenOn[line] == learned {
                    repeated[line] = true
                } else {
                    seenOn[line] = learned
                    anywhere[line] += 1
                }
            }
        }
        let needed = max(3, Int((Double(learned) * Self.shareOfPages).rounded(.up)))
        let neededWithoutDigits = max(2, Int((Double(learned) * Self.shareWithoutDigits).rounded(.up)))
        var patterns: Set<String> = []
        for (number, line) in names.enumerated() where anywhere[number] > 0 && !line.isEmpty && !repeated[number] {
            let count = anywhere[number]
            let edges = nearEdge[number]
            guard count >= needed || edges >= Self.edgePagesNeeded else { continue }
            if line.contains("(") && line.contains("in#") { continue }  // a publication code: "( in# )"
            if apart[number] * 2 < count { continue }
            // The tail of a sentence ("seca.", "del cantón por igual.") is text, however often it recurs.
            if tails[number] { continue }
            if !line.contains("#"), edges == 0, count < neededWithoutDigits { continue }
            patterns.insert(line)
        }
        self.patterns = patterns
    }

    /// True for a furniture line.
    public func isFurniture<S: StringProtocol>(_ line: S) -> Bool {
        !patterns.isEmpty && patterns.contains(Self.key(line))
    }

    /// `isFurniture` of the line at `index` of `page`.
    func isFurniture(_ page: MaskedPage, line index: Int) -> Bool {
        !patterns.isEmpty && patterns.contains(Self.key(masked: page.masks[index]))
    }

    /// The page without its furniture lines, and without a bare page number ("- 2 -", "Pág 2") among its first or
    /// last 2 lines when that number is one of `pageNumbers` (its index or its printed number).
    public func strip(_ page: String, pageNumbers: Set<Int> = []) -> String {
        strip(MaskedPage(page), page, pageNumbers: pageNumbers)
    }

    /// `strip` of `page`, read as `masked`.
    func strip(_ masked: MaskedPage, _ page: String, pageNumbers: Set<Int>) -> String {
        var lines = masked.lines
        let content = masked.content
        let edges = Set(content.prefix(Self.ruleEdge) + content.suffix(Self.ruleEdge))
        var drop: Set<Int> = []
        for index in content {
            let mask = masked.masks[index]
            if patterns.contains(Self.key(masked: mask))
                || (edges.contains(index) && Self.pageNumberShapes.contains(mask)
                    && (Int(lines[index].filter(\.isNumber)).map { pageNumbers.contains($0) } ?? false))
            {
                drop.insert(index)
            }
        }
        guard !drop.isEmpty else { return page }
        lines = lines.indices.filter { !drop.contains($0) }.map { lines[$0] }
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Lines that are only a page number, masked.
    static let pageNumberShapes: Set<String> = [
        "#", "- # -", "-#-", "— # —", "pag #", "pag. #", "pagina #", "pag. # de #", "pagina # de #", "# de #", "#/#",
        "# / #", "[#]", "(#)",
    ]

    /// The masked line without a page number stuck to either end ("10 Guatemala, MARTES 12 de noviembre 2013" is
    /// the header "Guatemala, MARTES 12 de noviembre 2013" printed beside page 10).
    static func key<S: StringProtocol>(_ line: S) -> String {
        key(masked: mask(line))
    }

    static func key(masked line: String) -> String {
        var masked = Substring(line)
        if masked.hasPrefix("# "), masked.count > 2 { masked = masked.dropFirst(2) }
        if masked.hasSuffix(" #"), masked.count > 2 { masked = masked.dropLast(2) }
        return String(masked)
    }

    /// Folded, whitespace collapsed, letter spacing joined, every digit run as "#".
    static func mask<S: StringProtocol>(_ line: S) -> String {
        if let masked = PlainText.maskASCII(line) { return masked }
        let joined =
            LineText.mightBeLetterSpaced(line) ? LineText.collapseLetterSpacing(Substring(line)) : String(line)
        let folded = TextFolding.fold(LineText.collapseWhitespace(joined))
        return PlainText.maskDigits(folded) ?? maskDigits(folded)
    }

    /// `mask` Character by Character, without its byte-level paths (what tests hold them to).
    static func maskByCharacter<S: StringProtocol>(_ line: S) -> String {
        let joined = LineText.mightBeLetterSpaced(line) ? LineText.joinSpacedLetters(Substring(line)) : String(line)
        return maskDigits(TextFolding.fold(joined.split(whereSeparator: \.isWhitespace).joined(separator: " ")))
    }

    /// Every run of ASCII digits as "#", Character by Character.
    static func maskDigits(_ text: String) -> String {
        var result = ""
        var inDigits = false
        for character in text {
            if character.isASCII && character.isNumber {
                if !inDigits { result.append("#") }
                inDigits = true
            } else {
                result.append(character)
                inDigits = false
            }
        }
        return result
    }

    static func contentLines(_ page: String) -> [Substring] {
        page.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
    }
}
