import GacetaText
/// The numbers in one header or footer line that could be a printed page number.
enum PageNumberCandidates {
    struct Candidate: Equatable {
        var value: Int
        /// Looks like a year (1800–2100): only trusted when several pages agree.
        var isYear: Bool
    }

    /// Words that introduce a page number anywhere in a line ("Pág 12", "Página 2/24").
    private static let pageWords: Set<String> = ["pag", "pagina", "paginas", "page", "p", "pg", "pp"]
    /// Words after which a number is something else (an edition, an article, a law, a volume).
    private static let blockingWords: Set<String> = [
        "n", "no", "nro", "num", "numero", "art", "articulo", "arts", "ley", "decreto", "inciso", "tomo",
        "capitulo", "titulo", "seccion", "expediente", "exp", "edicion", "ano", "alcance", "folio", "transitorio",
    ]
    private static let numberJoiners: Set<Character> = ["/", ".", ",", ":", "-"]
    private static let ordinalMarks: Set<Character> = ["º", "°", "ª"]

    static func find(in line: Substring) -> [Candidate] {
        // A candidate starts at an ASCII digit.
        guard line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        let chars = Array(line)
        var result: [Candidate] = []
        var start = 0
        while start < chars.count {
            guard isDigit(chars[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < chars.count, isDigit(chars[end]) { end += 1 }
            if let value = candidate(chars, start, end) {
                result.append(Candidate(value: value, isYear: (1800...2100).contains(value)))
            }
            start = end
        }
        return result
    }

    private static func candidate(_ chars: [Character], _ start: Int, _ end: Int) -> Int? {
        let digits = String(chars[start..<end])
        guard digits.count <= 4, !(digits.hasPrefix("0")), let value = Int(digits), value >= 1 else { return nil }
        let before = words(before: start, in: chars)
        if let first = before.first, pageWords.contains(first) { return value }
        if start > 0, chars[start - 1].isLetter { return nil }  // "NÚMER029"
        if start >= 2, numberJoiners.contains(chars[start - 1]), isDigit(chars[start - 2]) { return nil }
        if end + 1 < chars.count, numberJoiners.contains(chars[end]), isDigit(chars[end + 1]) { return nil }
        if end < chars.count, ordinalMarks.contains(chars[end]) { return nil }
        if let first = before.first {
            if blockingWords.contains(first) || SpanishDate.monthNumbers[first] != nil { return nil }
            if first == "de" || first == "del", before.count > 1, SpanishDate.monthNumbers[before[1]] != nil {
                return nil
            }
        }
        let after = words(after: end, in: chars)
        if let first = after.first {
            if SpanishDate.monthNumbers[first] != nil { return nil }
            if first == "de" || first == "del", after.count > 1, SpanishDate.monthNumbers[after[1]] != nil {
                return nil
            }
        }
        let prefix = chars[..<start]
        let suffix = chars[end...]
        let atStart = !prefix.contains(where: isAlphanumeric)
        let atEnd = !suffix.contains(where: isAlphanumeric)
        if atStart {
            if let next = suffix.first {
                if next == "." || next == ")" { return nil }  // "1." and "6)" start list items
                if next.isLetter, !prefix.contains(where: isDash) { return nil }  // "-2DECRETO" is a page
            }
            return value
        }
        return atEnd ? value : nil
    }

    /// Up to two folded words before `index`, nearest first, skipping spaces and ".:" (as in "Pág. 12").
    private static func words(before index: Int, in chars: [Character]) -> [String] {
        var found: [String] = []
        var position = index - 1
        while found.count < 2 {
            while position >= 0, chars[position].isWhitespace || chars[position] == "." || chars[position] == ":" {
                position -= 1
            }
            var word = ""
            while position >= 0, chars[position].isLetter, !ordinalMarks.contains(chars[position]) {
                word.insert(contentsOf: TextFolding.fold(String(chars[position])), at: word.startIndex)
                position -= 1
            }
            if word.isEmpty { break }
            found.append(word)
        }
        return found
    }

    /// Up to two folded words after `index`, nearest first, skipping spaces.
    private static func words(after index: Int, in chars: [Character]) -> [String] {
        var found: [String] = []
        var position = index
        while found.count < 2 {
            while position < chars.count, chars[position].isWhitespace { position += 1 }
            var word = ""
            while position < chars.count, chars[position].isLetter {
                word += TextFolding.fold(String(chars[position]))
                position += 1
            }
            if word.isEmpty { break }
            found.append(word)
        }
        return found
    }

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
    private static func isAlphanumeric(_ character: Character) -> Bool {
        (character.isLetter && !ordinalMarks.contains(character)) || character.isNumber
    }
    private static func isDash(_ character: Character) -> Bool {
        character == "-" || character == "–" || character == "—"
    }
}
