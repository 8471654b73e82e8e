/// Sentence boundaries in Spanish legal text.
///
/// A sentence ends at '.', '?', '!' or ';' (a run of them, optionally followed by closing quotes or brackets)
/// when whitespace or the end of the text follows, but not after a common abbreviation ("Sr.", "Art.", "S.A.",
/// "pág.", "etc.", see `SentenceAbbreviations`) nor after a single capital initial ("J. Pérez"). Number
/// abbreviations ("N.", "No.", "Nº.", "Nro.", "Núm.") only count as abbreviations before a digit, so a sentence
/// may still end in "no.". Numbers are never split ("44.123", "3.5"): no whitespace follows their dot.
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
        if lower < upper { ranges.append(lower..<upper) }
    }
}
