/// The tokenizer used both by the full-text index (as a custom FTS5 tokenizer) and by query handling.
///
/// A token is a run of letters/digits (Unicode letters and numbers; apostrophes and other punctuation split;
/// combining diacritics, soft hyphens and zero-width joiners are dropped without splitting). Tokens are folded
/// like `TextFolding` (lowercase, no diacritics) and, when `stem` is true, stemmed with `SpanishStemmer`.
///
/// Numbers: digit groups joined by '.' or ',' followed by a digit form ONE token without the separators,
/// so "44.123" and "44123" give "44123", "1,500" gives "1500"; tokens with a digit are never stemmed.
/// Tokens longer than `maxTokenLength` bytes are truncated to it (on a scalar boundary); the reported range
/// still covers the whole run. Invalid UTF-8 bytes separate tokens.
///
/// Works on UTF-8 bytes with table look-ups for ASCII and U+0080..<U+0180 and no allocation per token.
/// Not thread-safe: use one per thread.
public final class SpanishTokenizer {
    /// Longest token emitted, in bytes.
    public static let maxTokenLength = 64

    private let stemmer = SpanishStemmer()
    private let ascii: UnsafeMutablePointer<UInt8>
    private let latin: UnsafeMutablePointer<UInt32>
    /// Scratch for the folded token; the slack lets a scalar's folded bytes be written before the length check.
    private let token: UnsafeMutablePointer<UInt8>

    /// Creates a tokenizer with its own scratch buffers and stemmer.
    public init() {
        ascii = .allocate(capacity: 128)
        ascii.initialize(from: FoldTable.ascii, count: 128)
        latin = .allocate(capacity: 256)
        latin.initialize(from: FoldTable.latin, count: 256)
        token = .allocate(capacity: Self.maxTokenLength + FoldTable.maxFoldedScalarBytes + 4)
    }

    deinit {
        ascii.deallocate()
        latin.deallocate()
        token.deallocate()
    }

    /// Calls `emit` for each token of `text` (UTF-8) with the token's bytes and its byte range in `text`;
    /// stops early when `emit` returns false. The token bytes are valid only during the call to `emit`.
    ///
    /// A number mark right before a number (`N°`, `Nº`, `N.º`, `N.°`, `N.`, `No.` in any case) gives no token, as the
    /// search language drops it from queries: "Ley Nº 29664", "Ley N° 29664" and "Ley 29664" all index as
    /// `ley 29664`, whatever file the text came from, so a phrase with an identifier finds each of them.
    public func tokenize(
        _ text: UnsafeBufferPointer<UInt8>,
        stem: Bool,
        emit: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool
    ) {
        var marks = NumberMarks()
        var stopped = false
        tokenizeAll(text, stem: stem) { token, range in
            if marks.isHolding {
                if token.first.map({ (48...57).contains($0) }) == true, marks.isMark(before: range.lowerBound, in: text)
                {
                    marks.drop()
                } else if marks.continues(with: token, range: range, in: text) {
                    return true
                } else if !marks.flush(emit) {
                    stopped = true
                    return false
                }
            }
            if marks.hold(token, range: range, in: text) { return true }
            return emit(token, range)
        }
        if !stopped { _ = marks.flush(emit) }
    }

    private func tokenizeAll(
        _ text: UnsafeBufferPointer<UInt8>,
        stem: Bool,
        emit: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool
    ) {
        guard let base = text.baseAddress else { return }
        let count = text.count
        let ascii = self.ascii
        let latin = self.latin
        let token = self.token
        let limit = Self.maxTokenLength
        var index = 0
        var start = -1  // start of the current token in `text`, -1 between tokens
        var length = 0  // folded bytes in `token`
        var capacity = limit  // drops to `length` once a scalar did not fit, so the token stays a prefix
        var hasDigit = false
        var lastWasDigit = false

        while index < count {
            let byte = base[index]
            if byte < 0x80 {
                let folded = ascii[Int(byte)]
                if folded != 0 {
                    if start < 0 {
                        start = index
                        length = 0
                        capacity = limit
                        hasDigit = false
                    }
                    if length < capacity {
                        token[length] = folded
                        length += 1
                    }
                    lastWasDigit = folded &- 0x30 < 10
                    hasDigit = hasDigit || lastWasDigit
                    index += 1
                    continue
                }
                if start >= 0 {
                    if lastWasDigit && (byte == 0x2E || byte == 0x2C) && index + 1 < count
                        && base[index + 1] &- 0x30 < 10
                    {
                        index += 1
                        continue
                    }
                    let keepGoing = finish(start: start, end: index, length: length, stem: stem && !hasDigit, emit)
                    guard keepGoing else { return }
                    start = -1
                }
                index += 1
                continue
            }

            // Non-ASCII: write the folded bytes at the token's end first, decide afterwards.
            let at = start < 0 ? 0 : length
            let kind: ScalarKind
            let folded: Int
            let width: Int
            let next = index + 1 < count ? base[index + 1] : 0
            if byte >= 0xC2 && byte <= 0xC5 && next & 0xC0 == 0x80 {
                let entry = latin[(Int(byte & 0x1F) << 6 | Int(next & 0x3F)) - 0x80]
                kind = ScalarKind(rawValue: UInt8(truncatingIfNeeded: entry >> 24)) ?? .separator
                folded = Int(entry >> 16 & 0xFF)
                token[at] = UInt8(truncatingIfNeeded: entry)
                token[at + 1] = UInt8(truncatingIfNeeded: entry >> 8)
                width = 2
            } else {
                let (decoded, decodedWidth) = UTF8Scanning.decode(base, at: index, count: count)
                width = decodedWidth
                if let scalar = decoded {
                    (kind, folded) = FoldTable.foldSlow(scalar, into: token + at)
                } else {
                    (kind, folded) = (.separator, 0)
                }
            }

            switch kind {
            case .letter, .digit:
                if start < 0 {
                    start = index
                    length = 0
                    capacity = limit
                    hasDigit = false
                }
                if length + folded <= capacity {
                    length += folded
                } else {
                    capacity = length
                }
                lastWasDigit = kind == .digit
                hasDigit = hasDigit || lastWasDigit
            case .ignorable:
                break
            case .separator:
                if start >= 0 {
                    let keepGoing = finish(start: start, end: index, length: length, stem: stem && !hasDigit, emit)
                    guard keepGoing else { return }
                    start = -1
                }
            }
            index += width
        }
        if start >= 0 {
            _ = finish(start: start, end: count, length: length, stem: stem && !hasDigit, emit)
        }
    }

    @inline(__always)
    private func finish(
        start: Int,
        end: Int,
        length: Int,
        stem: Bool,
        _ emit: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool
    ) -> Bool {
        guard length > 0 else { return true }
        var bytes = UnsafeBufferPointer(start: token, count: length)
        if stem { bytes = stemmer.stem(bytes: bytes) }
        return emit(bytes, start..<end)
    }

    /// Convenience: the tokens of `text` as strings.
    public func terms(_ text: String, stem: Bool = true) -> [String] {
        var text = text
        var terms: [String] = []
        text.withUTF8 { bytes in
            tokenize(bytes, stem: stem) { token, _ in
                terms.append(String(decoding: token, as: UTF8.self))
                return true
            }
        }
        return terms
    }
}
