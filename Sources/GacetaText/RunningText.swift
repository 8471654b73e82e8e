/// Page furniture seen from the passages of one document: running heads and feet, lines repeated on many pages,
/// tables of contents and signature blocks (issue 13 §3). Answers use it so that they never quote furniture.
///
/// Chunks hold normalised text (a line break inside a paragraph became a space), so a running head usually opens
/// the first paragraph of a page: "Gaceta del Congreso 1313 Jueves, 17 de octubre de 2026 Página 7 El
/// proyecto…". A head is a run of words, digits and day and month names masked, that opens paragraphs on at
/// least `minimumPages` different pages (a foot: closes them); a repeated line is a paragraph, masked, found on
/// as many pages. Nothing is keyed to one gazette's name.
public struct RunningText: Sendable {
    /// Pages a head, foot or repeated paragraph must be seen on.
    public static let minimumPages = 3
    /// Longest head or foot, in words.
    static let maximumWords = 16
    /// Shortest head or foot, in words.
    static let minimumWords = 4

    /// Masked word runs that open pages' paragraphs.
    private(set) var heads: Set<[String]> = []
    /// Masked word runs that close them.
    private(set) var feet: Set<[String]> = []
    /// Masked paragraphs repeated on many pages.
    private(set) var repeated: Set<[String]> = []

    /// Learns the furniture of one document from its passages: `pages` pairs a PDF page with one passage's
    /// text (a page may appear several times).
    public init(pages: [(page: Int, text: String)]) {
        var opening: [[String]: Set<Int>] = [:]
        var closing: [[String]: Set<Int>] = [:]
        var whole: [[String]: Set<Int>] = [:]
        for (page, text) in pages {
            let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: true).map(Self.masked)
            for words in paragraphs where !words.isEmpty { whole[words, default: []].insert(page) }
            // A passage that starts a page opens with its head; one that ends a page closes with its foot.
            if let first = paragraphs.first { Self.count(runsOf: first, page: page, into: &opening, fromStart: true) }
            if let last = paragraphs.last { Self.count(runsOf: last, page: page, into: &closing, fromStart: false) }
        }
        heads = Set(opening.filter { $0.value.count >= Self.minimumPages }.keys)
        feet = Set(closing.filter { $0.value.count >= Self.minimumPages }.keys)
        repeated = Set(whole.filter { $0.value.count >= Self.minimumPages }.keys)
    }

    /// Counts the runs of 4 to 16 words that open (or close) a paragraph; only runs that hold a masked number
    /// or name and three other words can be furniture ("La Gaceta Nº # — # # de # del #"), so that an article's
    /// opening ("Artículo #—Se fija") is not taken for one.
    private static func count(
        runsOf words: [String], page: Int, into runs: inout [[String]: Set<Int>], fromStart: Bool
    ) {
        let longest = min(words.count, maximumWords)
        guard longest >= minimumWords else { return }
        for length in minimumWords...longest {
            let run = fromStart ? Array(words.prefix(length)) : Array(words.suffix(length))
            guard run.contains("#"), run.filter({ $0 != "#" }).count >= 3 else { continue }
            runs[run, default: []].insert(page)
        }
    }

    /// The part of `sentence` that is not furniture (a verbatim substring of it), or nil when it is all furniture:
    /// a running head at its start and a foot at its end are cut off; a repeated paragraph, a table-of-contents
    /// line, or what is left too short (fewer than 4 words) is dropped.
    public func content(of sentence: String) -> Substring? {
        if Self.isTableOfContentsLine(sentence) { return nil }
        let words = Self.maskedWords(Substring(sentence))
        if repeated.contains(words.map(\.masked)) { return nil }
        var start = 0
        var end = words.count
        let masks = words.map(\.masked)
        if let head = heads.filter({ masks.starts(with: $0) }).map(\.count).max() { start = head }
        if let foot = feet.filter({ masks.count >= $0.count && Array(masks.suffix($0.count)) == $0 }).map(\.count)
            .max(),
            words.count - foot > start
        {
            end = words.count - foot
        }
        guard end - start >= 4 else { return nil }
        if start == 0 && end == words.count { return Substring(sentence) }
        return sentence[words[start].range.lowerBound..<words[end - 1].range.upperBound]
    }

    /// A line of a table of contents: ends in a page number after dot leaders ("....", "…") or ≥ 3 spaces.
    public static func isTableOfContentsLine(_ line: String) -> Bool {
        var text = Substring(line)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        guard let last = text.last, last.isNumber else { return false }
        while let last = text.last, last.isNumber { text.removeLast() }
        if text.hasSuffix("   ") { return true }
        while let last = text.last, last == " " { text.removeLast() }
        return text.hasSuffix("...") || text.hasSuffix("…") || text.hasSuffix(". . .")
    }

    /// The words of `text`, digits and day and month names masked as "#", punctuation dropped.
    static func masked(_ text: Substring) -> [String] {
        maskedWords(text).map(\.masked)
    }

    struct Word {
        var masked: String
        var range: Range<String.Index>
    }

    /// The words of `text` (split at white space), folded, letters and digits only; a word holding a digit, or
    /// naming a weekday or a month, is masked as "#". Read scalar by scalar with an ASCII fast path: reading it
    /// character by character was a fifth of an offline answer.
    static func maskedWords(_ text: Substring) -> [Word] {
        var words: [Word] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            // White space, with the marks that extend it into one character: a word starts on a character.
            while index < scalars.endIndex, isSpace(scalars[index]) {
                index = scalars.index(after: index)
                while index < scalars.endIndex, scalars[index].properties.isGraphemeExtend {
                    index = scalars.index(after: index)
                }
            }
            let start = index
            while index < scalars.endIndex, !isSpace(scalars[index]) { index = scalars.index(after: index) }
            guard start < index else { break }
            var word = String.UnicodeScalarView()
            var hasNumber = false
            var kept = false
            for scalar in TextFolding.fold(String(scalars[start..<index])).unicodeScalars {
                let number = isNumber(scalar)
                // A mark that folding keeps stays with the letter or digit it extends, as a character would.
                kept = number || isLetter(scalar) || (kept && !scalar.isASCII && scalar.properties.isGraphemeExtend)
                guard kept else { continue }
                hasNumber = hasNumber || number
                word.append(scalar)
            }
            guard !word.isEmpty else { continue }
            let folded = String(word)
            words.append(Word(masked: hasNumber || maskedNames.contains(folded) ? "#" : folded, range: start..<index))
        }
        return words
    }

    /// What `Character.isWhitespace`, `isLetter` and `isNumber` say of a character that starts with this scalar.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A) : scalar.properties.isAlphabetic
    }

    private static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x30 && scalar.value <= 0x39 : scalar.properties.numericType != nil
    }

    private static let maskedNames: Set<String> = [
        "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "enero", "febrero", "marzo",
        "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
    ]
}
