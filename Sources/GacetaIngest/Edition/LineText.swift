import GacetaText

/// Helpers for one line of gazette text: letter-spaced titles, case, folded words.
enum LineText {
    /// Joins letter-spaced words: "G a c e t a  d e l  C o n g r e s o" → "Gaceta del Congreso". Groups are
    /// separated by two or more spaces (or a tab); a line is changed only when every group of it is spaced
    /// letters, so "A la vez" stays as it is.
    static func collapseLetterSpacing(_ line: Substring) -> String {
        guard PlainText.mayHaveSpacedLetters(line) else { return String(line.trimmingSpaces) }
        return joinSpacedLetters(line)
    }

    /// `collapseLetterSpacing` group by group, without its plain-text shortcut.
    static func joinSpacedLetters(_ line: Substring) -> String {
        let trimmed = line.trimmingSpaces
        let groups = trimmed.split(omittingEmptySubsequences: true) { $0 == "\t" }
            .flatMap { $0.splitOnDoubleSpaces() }
        guard !groups.isEmpty else { return String(trimmed) }
        var spacedLetters = 0
        for group in groups {
            let pieces = group.split(separator: " ")
            if pieces.count >= 3, pieces.allSatisfy({ $0.count == 1 && ($0.first?.isLetter ?? false) }) {
                spacedLetters += 1
            } else if !(pieces.count == 1 && pieces[0].count <= 2) {
                return String(trimmed)
            }
        }
        guard spacedLetters > 0 else { return String(trimmed) }
        return groups.map { $0.split(separator: " ").joined() }.joined(separator: " ")
    }

    /// A cheap test before `collapseLetterSpacing`: at least 3 single characters (1 or 2 UTF-8 bytes) standing
    /// between spaces.
    static func mightBeLetterSpaced<S: StringProtocol>(_ line: S) -> Bool {
        var singles = 0
        var run = 0
        var afterSpace = true
        for byte in line.utf8 {
            if byte == 32 || byte == 9 {
                if afterSpace == false, run > 0, run <= 2 { singles += 1 }
                run = 0
                afterSpace = true
                if singles >= 3 { return true }
                continue
            }
            if afterSpace { afterSpace = false }
            run += 1
        }
        return singles >= 3
    }

    /// Runs of whitespace become one space; the ends are trimmed.
    static func collapseWhitespace<S: StringProtocol>(_ text: S) -> String {
        PlainText.collapseWhitespace(text) ?? text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Letters, none of them small, however few («MP», «CACIÓN DEL ARTÍCULO 88»): the end of a heading broken at a
    /// hyphen. `isUppercase` is the test for a heading of its own.
    static func isCapitals(_ line: String) -> Bool {
        let (letters, upper) = letterCase(line)
        return letters > 0 && upper == letters
    }

    /// True when at least 80 % of the line's letters (and at least 3) are uppercase.
    static func isUppercase<S: StringProtocol>(_ line: S) -> Bool {
        let (letters, upper) = letterCase(line)
        return letters >= 3 && upper * 5 >= letters * 4
    }

    /// How many Characters of the line are letters, and how many of those uppercase (`PlainText.letterCase`, else
    /// Character by Character).
    private static func letterCase<S: StringProtocol>(_ line: S) -> (letters: Int, upper: Int) {
        if let counts = PlainText.letterCase(line) { return counts }
        var letters = 0
        var upper = 0
        for character in line where character.isLetter {
            letters += 1
            if character.isUppercase { upper += 1 }
        }
        return (letters, upper)
    }

    /// The folded words of a line ("Nº 129" gives "n", "129"), as `TextToken`s.
    static func words<S: StringProtocol>(_ line: S) -> [String] {
        TextToken.tokenize(line).map(\.text)
    }

    /// Lowercase Spanish words kept lowercase inside a title-cased name.
    private static let minorWords: Set<String> = ["de", "del", "la", "las", "el", "los", "y", "e", "en", "a", "para"]

    /// "DIARIO de CENTRO AMÉRICA" → "Diario de Centro América"; a line already in mixed case is kept.
    static func titleCased(_ name: String) -> String {
        guard isUppercase(name) || name.split(separator: " ").contains(where: { isUppercase($0) }) else {
            return name
        }
        var result: [String] = []
        for (position, word) in name.split(separator: " ").enumerated() {
            let lower = word.lowercased()
            if position > 0, minorWords.contains(lower) {
                result.append(lower)
            } else {
                result.append(lower.prefix(1).uppercased() + lower.dropFirst())
            }
        }
        return result.joined(separator: " ")
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }

    /// Splits on runs of two or more spaces.
    func splitOnDoubleSpaces() -> [Substring] {
        var groups: [Substring] = []
        var start = startIndex
        var index = startIndex
        while index < endIndex {
            if self[index] == " ", let next = self.index(index, offsetBy: 1, limitedBy: endIndex), next < endIndex,
                self[next] == " "
            {
                let piece = self[start..<index].trimmingSpaces
                if !piece.isEmpty { groups.append(piece) }
                var skip = next
                while skip < endIndex, self[skip] == " " { skip = self.index(after: skip) }
                start = skip
                index = skip
                continue
            }
            index = self.index(after: index)
        }
        let piece = self[start..<endIndex].trimmingSpaces
        if !piece.isEmpty { groups.append(piece) }
        return groups
    }
}
