/// Sentence boundaries in Spanish legal text.
///
/// A sentence ends at '.', '?', '!' or ';' (a run of them, optionally followed by closing quotes or brackets)
/// when whitespace or the end of the text follows, but not after a common abbreviation ("Sr.", "Art.", "S.A.",
/// "pág.", "etc.", see `SentenceAbbreviations`) nor after a single capital initial ("J. Pérez"). Number
/// abbreviations ("N.", "No.", "Nº.", "Nro.", "Núm.") only count as abbreviations before a digit, so a sentence
/// may still end in "no.". Numbers are never split ("44.123", "3.5"): no whitespace follows their dot. A heading in
/// capitals that opens a sentence ("JUZGADO CIVIL DE CARTAGO Se cita…": chunks join a page's lines) is a sentence of
/// its own.
public enum SentenceSplitter {
    /// The sentences of `text`, trimmed and non-empty.
    public static func sentences(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            ranges(in: bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    /// Byte ranges of the trimmed, non-empty sentences of `bytes` (UTF-8).
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var steps = 0
        return ranges(in: bytes, steps: &steps)
    }

    /// `ranges(in:)`, adding its inner-loop steps to `steps` (tests check that they grow linearly).
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>, steps: inout Int) -> [Range<Int>] {
        guard let base = bytes.baseAddress else { return [] }
        let count = bytes.count
        var ranges: [Range<Int>] = []
        var sentenceStart = 0
        var index = 0
        while index < count {
            steps += 1
            let byte = base[index]
            guard isTerminator(byte) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < count {
                steps += 1
                if isTerminator(base[end]) {
                    end += 1
                } else if let width = closerWidth(base, at: end, count: count) {
                    end += width
                } else {
                    break
                }
            }
            let atBreak = end == count || UTF8Scanning.whitespaceWidth(base, at: end, count: count) > 0
            if atBreak
                && !(byte == 0x2E && isAbbreviation(base, dot: index, after: end, count: count, steps: &steps))
            {
                appendTrimmed(base, sentenceStart..<end, to: &ranges, steps: &steps)
                sentenceStart = end
            }
            index = end
        }
        appendTrimmed(base, sentenceStart..<count, to: &ranges, steps: &steps)
        return ranges
    }

    @inline(__always)
    private static func isTerminator(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x3F || byte == 0x21 || byte == 0x3B
    }

    /// Width of a closing quote or bracket at `index`: `"` `'` `)` `]` `»` `’` `”`.
    private static func closerWidth(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Int? {
        switch base[index] {
        case 0x22, 0x27, 0x29, 0x5D: return 1
        case 0xC2 where index + 1 < count && base[index + 1] == 0xBB: return 2
        case 0xE2
        where index + 2 < count && base[index + 1] == 0x80 && (base[index + 2] == 0x99 || base[index + 2] == 0x9D):
            return 3
        default: return nil
        }
    }

    /// Whether the word ending at the '.' at `dot` is an abbreviation; `after` is the index after the
    /// punctuation run.
    private static func isAbbreviation(
        _ base: UnsafePointer<UInt8>, dot: Int, after: Int, count: Int, steps: inout Int
    ) -> Bool {
        var wordStart = dot
        while wordStart > 0 {
            steps += 1
            let previous = base[wordStart - 1]
            let isWordByte =
                previous >= 0x80 || previous == 0x2E || (previous | 0x20 >= 0x61 && previous | 0x20 <= 0x7A)
            guard isWordByte else { break }
            wordStart -= 1
            // Bytes from U+0080 on count as word bytes (so a run of NBSPs would be one long "word"): stop as soon
            // as the word is too long to be an abbreviation, so each dot costs a bounded walk.
            if dot - wordStart > SentenceAbbreviations.longestWordBytes { return false }
        }
        guard wordStart < dot else { return false }
        let word = UnsafeBufferPointer(start: base + wordStart, count: dot - wordStart)
        if word.count == 1 && word[0] >= 0x41 && word[0] <= 0x5A { return true }
        let folded = TextFolding.fold(String(decoding: word, as: UTF8.self))
        if SentenceAbbreviations.beforeNumbers.contains(folded) {
            return nextNonSpaceIsDigit(base, from: after, count: count, steps: &steps)
        }
        return SentenceAbbreviations.all.contains(folded)
    }

    private static func nextNonSpaceIsDigit(
        _ base: UnsafePointer<UInt8>, from start: Int, count: Int, steps: inout Int
    ) -> Bool {
        var index = start
        while index < count {
            steps += 1
            let width = UTF8Scanning.whitespaceWidth(base, at: index, count: count)
            guard width > 0 else { return base[index] >= 0x30 && base[index] <= 0x39 }
            index += width
        }
        return false
    }

    private static func appendTrimmed(
        _ base: UnsafePointer<UInt8>, _ range: Range<Int>, to ranges: inout [Range<Int>], steps: inout Int
    ) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper {
            steps += 1
            let width = UTF8Scanning.whitespaceWidth(base, at: lower, count: upper)
            guard width > 0 else { break }
            lower += width
        }
        while upper > lower {
            var start = upper - 1
            while start > lower && !UTF8Scanning.isScalarStart(base[start]) {
                steps += 1
                start -= 1
            }
            steps += 1
            guard UTF8Scanning.whitespaceWidth(base, at: start, count: upper) > 0 else { break }
            upper = start
        }
        guard lower < upper else { return }
        if let (headingEnd, rest) = heading(base, lower..<upper, steps: &steps) {
            ranges.append(lower..<headingEnd)
            ranges.append(rest..<upper)
        } else {
            ranges.append(lower..<upper)
        }
    }

    /// A heading in capitals opening the sentence in `range` (chunks join a page's lines, so a notice's heading
    /// runs into its first sentence): at least two words of capitals holding `headingLetters` capital letters in
    /// all, words without letters ("III:", "N°", "44123-S") allowed among them, followed by a word that starts with
    /// a capital and goes on in lower case ("Se", "En"). Returns where the heading ends and where the rest
    /// starts; nil when the sentence opens otherwise.
    private static func heading(
        _ base: UnsafePointer<UInt8>, _ range: Range<Int>, steps: inout Int
    ) -> (Int, Int)? {
        var run = CapitalsRun()
        var index = range.lowerBound
        var headingEnd = index
        while index < range.upperBound {
            let word = Word(base, from: index, to: range.upperBound, steps: &steps)
            if word.lower == 0 {
                run.add(word)
                headingEnd = word.end
            } else {
                guard word.opensSentence && run.isHeading else { return nil }
                return (headingEnd, index)
            }
            index = word.next
        }
        return nil
    }

    /// Whether `sentence` is a heading in capitals: no lower-case letter, at least two words of capitals and
    /// `headingLetters` capitals in all (what `sentences` splits off a sentence it opens).
    public static func isHeading(_ sentence: some StringProtocol) -> Bool {
        // The bytes in place (no copy: every quotable sentence is asked), read word by word as `heading` reads
        // them; most sentences stop at their first word.
        if let answer = sentence.utf8.withContiguousStorageIfAvailable(isHeading) { return answer }
        return Array(sentence.utf8).withUnsafeBufferPointer(isHeading)
    }

    private static func isHeading(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var run = CapitalsRun()
        var steps = 0
        var index = 0
        while index < bytes.count {
            let word = Word(base, from: index, to: bytes.count, steps: &steps)
            guard word.lower == 0 else { return false }
            run.add(word)
            index = word.next
        }
        return run.isHeading
    }

    /// Capital letters a heading holds at least ("EDICTO DE REMATE" has 14, "LA CCSS" 6).
    static let headingLetters = 8

    /// Words in capitals (or without letters) read so far, and whether they make a heading.
    private struct CapitalsRun {
        var capitalWords = 0
        var capitals = 0

        mutating func add(_ word: Word) {
            if word.upper > 0 { capitalWords += 1 }
            capitals += word.upper
        }

        var isHeading: Bool { capitalWords >= 2 && capitals >= SentenceSplitter.headingLetters }
    }

    /// One word (a run of bytes up to whitespace): its capital and small letters, whether it opens a sentence
    /// ("Se", "En": a capital, then a small letter), where it ends and where the next word starts.
    private struct Word {
        var upper = 0
        var lower = 0
        var opensSentence = false
        var end: Int
        var next: Int

        @inline(__always)
        init(_ base: UnsafePointer<UInt8>, from start: Int, to limit: Int, steps: inout Int) {
            var index = start
            var position = 0
            var firstIsCapital = false
            while index < limit && UTF8Scanning.whitespaceWidth(base, at: index, count: limit) == 0 {
                steps += 1
                let (letterCase, width) = SentenceSplitter.letterCase(base, at: index, count: limit)
                switch letterCase {
                case .upper: upper += 1
                case .lower: lower += 1
                case .none: break
                }
                if position == 0 { firstIsCapital = letterCase == .upper }
                if position == 1 { opensSentence = firstIsCapital && letterCase == .lower }
                position += 1
                index += width
            }
            end = index
            while index < limit {
                let width = UTF8Scanning.whitespaceWidth(base, at: index, count: limit)
                guard width > 0 else { break }
                steps += 1
                index += width
            }
            next = index
        }
    }

    private enum LetterCase { case upper, lower, none }

    /// The case of the character at `index` (ASCII and Latin-1's letters: Spanish's accented ones and Ñ) and its
    /// width in bytes.
    @inline(__always)
    private static func letterCase(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> (LetterCase, Int) {
        let byte = base[index]
        if byte < 0x80 {
            if byte >= 0x41 && byte <= 0x5A { return (.upper, 1) }
            if byte >= 0x61 && byte <= 0x7A { return (.lower, 1) }
            return (.none, 1)
        }
        var width = 1
        while index + width < count && !UTF8Scanning.isScalarStart(base[index + width]) { width += 1 }
        if byte == 0xC3 && width == 2 {
            let second = base[index + 1]
            // U+00C0–U+00DE capitals (but × U+00D7), U+00DF–U+00FF small letters (but ÷ U+00F7).
            if second >= 0x80 && second <= 0x9E && second != 0x97 { return (.upper, 2) }
            if second >= 0x9F && second <= 0xBF && second != 0xB7 { return (.lower, 2) }
        }
        return (.none, width)
    }
}
