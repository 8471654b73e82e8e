/// The tokens of a number mark (`N°`, `Nº`, `N.º`, `N.°`, `N.`, `No.`) held back by `SpanishTokenizer` until the
/// next token says whether a number follows (then they are dropped) or not (then they are emitted as usual).
struct NumberMarks {
    /// A token that can be part of a mark.
    enum Kind {
        case n, no, o

        var text: StaticString {
            switch self {
            case .n: "n"
            case .no: "no"
            case .o: "o"
            }
        }
    }

    /// The held tokens: "n", "no" or "o" (the `º` of `N.º`), with their ranges.
    private var held: [(token: Kind, range: Range<Int>)] = []

    var isHolding: Bool { !held.isEmpty }

    /// Holds `token` when it can open a mark: "n" or "no" written with a capital or small N.
    mutating func hold(_ token: UnsafeBufferPointer<UInt8>, range: Range<Int>, in text: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard let kind = Self.kind(token), kind != .o, Self.isN(text[range.lowerBound]) else { return false }
        held.append((kind, range))
        return true
    }

    /// Whether `token` is the `º` of `N.º` (it goes on being held).
    mutating func continues(
        with token: UnsafeBufferPointer<UInt8>, range: Range<Int>, in text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard held.count == 1, let kind = Self.kind(token), kind == .o, let first = held.first, first.token == .n,
            Self.raw(text, first.range.upperBound..<range.lowerBound) == [0x2E],
            Self.raw(text, range) == [0xC2, 0xBA]
        else { return false }
        held.append((kind, range))
        return true
    }

    /// Whether the held tokens and what follows them up to `position` (a digit's token) spell a mark.
    func isMark(before position: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = held.first else { return false }
        var raw = Self.raw(text, first.range.lowerBound..<position)
        while let last = raw.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D || last == 0xA0 {
            raw.removeLast()
        }
        if raw.last == 0xC2 { raw.removeLast() }  // the first byte of a no-break space
        guard !raw.isEmpty else { return false }
        let marks = Self.marks
        return marks.contains(Array(raw.dropFirst()))
    }

    mutating func drop() {
        held.removeAll(keepingCapacity: true)
    }

    /// Emits the held tokens as ordinary ones; false when `emit` asked to stop.
    mutating func flush(_ emit: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool) -> Bool {
        defer { held.removeAll(keepingCapacity: true) }
        for (token, range) in held {
            let going = token.text.withUTF8Buffer { emit($0, range) }
            if !going { return false }
        }
        return true
    }

    /// What follows the N of a mark, as UTF-8: `°`, `º`, `.°`, `.º`, `.`, `o.`, `O.`, `º.`.
    private static let marks: Set<[UInt8]> = [
        [0xC2, 0xB0], [0xC2, 0xBA], [0x2E, 0xC2, 0xB0], [0x2E, 0xC2, 0xBA], [0x2E], [0x6F, 0x2E], [0x4F, 0x2E],
        [0xC2, 0xBA, 0x2E],
    ]

    /// Without allocating: this runs on every token.
    private static func kind(_ token: UnsafeBufferPointer<UInt8>) -> Kind? {
        switch token.count {
        case 1 where token[0] == 0x6E: .n
        case 1 where token[0] == 0x6F: .o
        case 2 where token[0] == 0x6E && token[1] == 0x6F: .no
        default: nil
        }
    }

    private static func isN(_ byte: UInt8) -> Bool { byte == 0x4E || byte == 0x6E }

    private static func raw(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        guard range.lowerBound <= range.upperBound, range.upperBound <= text.count else { return [] }
        return Array(text[range])
    }
}
