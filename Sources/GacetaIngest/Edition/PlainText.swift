/// Byte-level fast paths for text in which every Character is one Unicode scalar ("plain" text: what poppler
/// gives for Spanish gazettes), each giving exactly what the Character-by-Character code it stands in for gives.
/// Callers fall back to that code when a function answers nil.
///
/// Plain scalars are ASCII, U+0080–U+02FF (Latin-1, Latin Extended, IPA, spacing modifiers), U+2010–U+2027 and
/// U+2030–U+205E (dashes, quotes, bullets), U+20A0–U+20BF (currency), U+2100–U+23FF (letterlike, arrows, math),
/// U+2500–U+25FF (box drawing, shapes) and U+E000–U+F8FF (private use: Symbol-font bullets). None of them is a
/// combining mark, a joiner, a prepended sign, a Hangul jamo or a regional indicator, so no two of them form one
/// Character (Unicode's grapheme rules), except CR LF; their only whitespace besides ASCII is U+0085 and U+00A0.
enum PlainText {
    /// True when every scalar of `bytes` (valid UTF-8) is plain.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            if lead < 0xE0 {
                // Two bytes: U+0080–U+07FF; plain below U+0300 (lead 0xC2–0xCB).
                guard lead < 0xCC else { return false }
                index += 2
                continue
            }
            guard lead < 0xF0, index + 2 < count else { return false }
            let value =
                UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            guard isPlainThreeByte(value) else { return false }
            index += 3
        }
        return true
    }

    @inline(__always)
    static func isPlainThreeByte(_ value: UInt32) -> Bool {
        switch value {
        case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF, 0x2100...0x23FF, 0x2500...0x25FF, 0xE000...0xF8FF:
            return true
        default:
            return false
        }
    }

    /// True for a plain scalar (what `isPlain` accepts), for tests.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300: return true
        case 0x800...0xFFFF: return isPlainThreeByte(scalar.value)
        default: return false
        }
    }

    /// The width of the whitespace scalar at `index` of plain text (ASCII 9–13 and 32, U+0085, U+00A0), else 0.
    @inline(__always)
    static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 { return 2 }
        return 0
    }

    /// Calls `body` with the UTF-8 bytes of `text`, contiguous.
    @inline(__always)
    static func withBytes<S: StringProtocol, R>(_ text: S, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// A string of at most `capacity` bytes written by `body` (which returns how many it wrote).
    @inline(__always)
    static func string(capacity: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) -> String {
        guard capacity > 0 else { return "" }
        return String(unsafeUninitializedCapacity: capacity, initializingUTF8With: body)
    }

    /// `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")`, or nil when `text` is not plain.
    static func collapseWhitespace<S: StringProtocol>(_ text: S) -> String? {
        withBytes(text) { bytes -> String? in
            guard isPlain(bytes) else { return nil }
            return string(capacity: bytes.count) { out in
                var written = 0
                var pendingSpace = false
                var index = 0
                while index < bytes.count {
                    let width = whitespaceWidth(bytes, at: index)
                    if width > 0 {
                        pendingSpace = written > 0
                        index += width
                        continue
                    }
                    if pendingSpace {
                        out[written] = 0x20
                        written += 1
                        pendingSpace = false
                    }
                    out[written] = bytes[index]
                    written += 1
                    index += 1
                }
                return written
            }
        }
    }

    /// Every run of ASCII digits as one "#" (a Character that is ASCII and a number is one digit), or nil when
    /// `text` is not plain.
    static func maskDigits(_ text: String) -> String? {
        withBytes(text) { bytes -> String? in
            guard isPlain(bytes) else { return nil }
            return string(capacity: bytes.count) { out in
                var written = 0
                var inDigits = false
                for byte in bytes {
                    if byte >= 0x30 && byte <= 0x39 {
                        if !inDigits {
                            out[written] = 0x23
                            written += 1
                        }
                        inDigits = true
                    } else {
                        out[written] = byte
                        written += 1
                        inDigits = false
                    }
                }
                return written
            }
        }
    }

    /// `PageFurniture.mask` of an ASCII line without spaced letters in one pass (whitespace collapsed, letters
    /// lowercased as `TextFolding` does, digit runs as "#"); nil for any other line.
    static func maskASCII<S: StringProtocol>(_ line: S) -> String? {
        let ascii = withBytes(line) { bytes in !bytes.contains(where: { $0 >= 0x80 }) }
        guard ascii, !(LineText.mightBeLetterSpaced(line) && mayHaveSpacedLetters(line)) else { return nil }
        return withBytes(line) { bytes -> String in
            string(capacity: bytes.count) { out in
                var written = 0
                var pendingSpace = false
                var inDigits = false
                for byte in bytes {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = written > 0
                        continue
                    }
                    if pendingSpace {
                        out[written] = 0x20
                        written += 1
                        pendingSpace = false
                        inDigits = false
                    }
                    if byte >= 0x30 && byte <= 0x39 {
                        if !inDigits {
                            out[written] = 0x23
                            written += 1
                        }
                        inDigits = true
                        continue
                    }
                    out[written] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    written += 1
                    inDigits = false
                }
                return written
            }
        }
    }

    /// `text.filter(\.isLetter)`, or nil when `text` is not plain.
    static func letters(_ text: String) -> String? {
        withBytes(text) { bytes -> String? in
            guard isPlain(bytes) else { return nil }
            guard bytes.contains(where: { $0 >= 0x80 }) else {
                return string(capacity: bytes.count) { out in
                    var written = 0
                    for byte in bytes where byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A {
                        out[written] = byte
                        written += 1
                    }
                    return written
                }
            }
            var letters = String.UnicodeScalarView()
            for scalar in text.unicodeScalars where isLetter(scalar) { letters.append(scalar) }
            return String(letters)
        }
    }

    /// How many Characters of `text` are letters, and how many of those uppercase; nil when `text` is not plain.
    static func letterCase<S: StringProtocol>(_ text: S) -> (letters: Int, upper: Int)? {
        let plain = withBytes(text, isPlain)
        guard plain else { return nil }
        var letters = 0
        var upper = 0
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                if byte >= 0x41 && byte <= 0x5A {
                    letters += 1
                    upper += 1
                } else if byte >= 0x61 && byte <= 0x7A {
                    letters += 1
                }
            } else {
                let character = Character(scalar)
                if character.isLetter {
                    letters += 1
                    if character.isUppercase { upper += 1 }
                }
            }
        }
        return (letters, upper)
    }

    /// `Character.isLetter` of a plain scalar (a Character of its own).
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A }
        return Character(scalar).isLetter
    }

    /// False only when `LineText.collapseLetterSpacing` surely leaves `line` as it is (trimmed): a plain line in
    /// which no three single letters stand in a row with one space between each. Tokens are the runs between spaces
    /// and tabs; a token may be a spaced letter when it is one ASCII letter or holds a byte that is not ASCII or is
    /// other whitespace (which the letter's group trims).
    static func mayHaveSpacedLetters<S: StringProtocol>(_ line: S) -> Bool {
        withBytes(line) { bytes -> Bool in
            guard isPlain(bytes) else { return true }
            var run = 0
            var index = 0
            let count = bytes.count
            var gap = 0
            var gapIsOneSpace = false
            while index < count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 {
                    gapIsOneSpace = gap == 0 && byte == 0x20
                    gap += 1
                    index += 1
                    continue
                }
                let start = index
                var candidate = false
                while index < count, bytes[index] != 0x20, bytes[index] != 0x09 {
                    let byte = bytes[index]
                    if byte >= 0x80 || (byte >= 0x0A && byte <= 0x0D) { candidate = true }
                    index += 1
                }
                if index - start == 1 {
                    let letter = bytes[start] | 0x20
                    if letter >= 0x61 && letter <= 0x7A { candidate = true }
                }
                if candidate {
                    run = run > 0 && gap == 1 && gapIsOneSpace ? run + 1 : 1
                    if run >= 3 { return true }
                } else {
                    run = 0
                }
                gap = 0
                gapIsOneSpace = false
            }
            return false
        }
    }

    /// The lines of `text` (split on "\n", empty ones kept), or nil when `text` holds a "\r" (Swift reads "\r\n" as
    /// one Character, which `split(separator: "\n")` does not cut).
    static func lines(_ text: String) -> [Substring]? {
        pieces(text, separator: 0x0A, unlessContains: 0x0D)
    }

    /// `text.split(separator: separator, omittingEmptySubsequences: false)` for a control character other than
    /// "\r" ("\n" without any "\r", "\u{0C}"), which always stands as a Character of its own.
    static func pieces(_ text: String, separator: UInt8) -> [Substring] {
        pieces(text, separator: separator, unlessContains: nil) ?? []
    }

    /// `pieces`, or nil when the text holds the byte `veto`.
    private static func pieces(_ text: String, separator: UInt8, unlessContains veto: UInt8?) -> [Substring]? {
        let offsets = withBytes(text) { bytes -> [Int]? in
            var offsets: [Int] = []
            for (offset, byte) in bytes.enumerated() {
                if byte == separator {
                    offsets.append(offset)
                } else if byte == veto {
                    return nil
                }
            }
            return offsets
        }
        guard let offsets else { return nil }
        let utf8 = text.utf8
        var pieces: [Substring] = []
        pieces.reserveCapacity(offsets.count + 1)
        var start = utf8.startIndex
        for offset in offsets {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            pieces.append(text[start..<end])
            start = utf8.index(after: end)
        }
        pieces.append(text[start..<utf8.endIndex])
        return pieces
    }

    /// `TextCleanup.clean`: every line without its trailing whitespace, trailing blank lines dropped; nil when the
    /// text is not plain or holds a "\r".
    static func cleanLines<S: StringProtocol>(_ text: S) -> String? {
        withBytes(text) { bytes -> String? in
            guard isPlain(bytes), !bytes.contains(0x0D) else { return nil }
            return string(capacity: bytes.count) { out in
                var written = 0
                // Bytes of text written, up to the end of the last line that kept any.
                var kept = 0
                var start = 0
                while start <= bytes.count {
                    var stop = start
                    while stop < bytes.count, bytes[stop] != 0x0A { stop += 1 }
                    var end = stop
                    while end > start {
                        let byte = bytes[end - 1]
                        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                            end -= 1
                        } else if (byte == 0x85 || byte == 0xA0) && end - start >= 2 && bytes[end - 2] == 0xC2 {
                            end -= 2
                        } else {
                            break
                        }
                    }
                    if start > 0 {
                        out[written] = 0x0A
                        written += 1
                    }
                    for index in start..<end {
                        out[written] = bytes[index]
                        written += 1
                    }
                    if end > start { kept = written }
                    start = stop + 1
                }
                return kept
            }
        }
    }
}
