/// A page's text as UTF-8 with whitespace normalised, split into paragraphs.
///
/// Runs of whitespace become one space; a run holding two or more line breaks ends a paragraph; a line break
/// after a hyphen that follows a letter and precedes a lowercase letter is a hyphenated word and is removed
/// with the hyphen ("admi-\nnistración" → "administración"); before another letter the hyphen stays and only the
/// line break goes ("Costa-\nRica" → "Costa-Rica"); a soft hyphen before a line break is removed too.
struct NormalizedPage {
    /// Normalised text; paragraphs are separated by nothing (see `paragraphs`).
    private(set) var bytes: [UInt8] = []
    /// Ranges of the non-empty paragraphs in `bytes`, in order.
    private(set) var paragraphs: [Range<Int>] = []

    init(_ text: String) {
        var text = text
        text.withUTF8 { normalize($0) }
    }

    private mutating func normalize(_ input: UnsafeBufferPointer<UInt8>) {
        guard let base = input.baseAddress else { return }
        let count = input.count
        bytes.reserveCapacity(count)
        var paragraphStart = 0
        var index = 0
        while index < count {
            let width = UTF8Scanning.whitespaceWidth(base, at: index, count: count)
            if width == 0 {
                bytes.append(base[index])
                index += 1
                continue
            }
            var end = index
            var lineBreaks = 0
            while end < count {
                let runWidth = UTF8Scanning.whitespaceWidth(base, at: end, count: count)
                guard runWidth > 0 else { break }
                let byte = base[end]
                if byte == 0x0A || (byte == 0x0D && (end + 1 == count || base[end + 1] != 0x0A)) {
                    lineBreaks += 1
                }
                end += runWidth
            }
            index = end
            guard bytes.count > paragraphStart else { continue }
            if lineBreaks >= 2 || end == count {
                paragraphs.append(paragraphStart..<bytes.count)
                paragraphStart = bytes.count
            } else if lineBreaks == 1 && joinsHyphenatedWord(base, next: end, count: count) {
                continue
            } else {
                bytes.append(0x20)
            }
        }
        if bytes.count > paragraphStart {
            paragraphs.append(paragraphStart..<bytes.count)
        }
    }

    /// Whether the text so far ends in a line-break hyphen that joins the word starting at `next`;
    /// removes that hyphen when so.
    private mutating func joinsHyphenatedWord(_ base: UnsafePointer<UInt8>, next: Int, count: Int) -> Bool {
        let last = bytes.count - 1
        if last >= 1 && bytes[last - 1] == 0xC2 && bytes[last] == 0xAD {
            bytes.removeLast(2)
            return true
        }
        guard last >= 1, bytes[last] == 0x2D, next < count else { return false }
        let before = bytes[last - 1]
        let isLetterBefore = before >= 0x80 || (before | 0x20 >= 0x61 && before | 0x20 <= 0x7A)
        guard isLetterBefore, let nextIsLowercase = letterCase(base, at: next, count: count) else { return false }
        if nextIsLowercase { bytes.removeLast() }
        return true
    }

    /// Whether the scalar at `index` is a lowercase letter (true), another letter (false) or not a letter (nil).
    private func letterCase(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Bool? {
        let byte = base[index]
        if byte < 0x80 {
            switch byte {
            case 0x61...0x7A: return true
            case 0x41...0x5A: return false
            default: return nil
            }
        }
        guard let scalar = UTF8Scanning.decode(base, at: index, count: count).0, scalar.properties.isAlphabetic else {
            return nil
        }
        return scalar.properties.isLowercase
    }
}
