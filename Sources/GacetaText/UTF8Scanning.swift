/// Manual UTF-8 decoding over raw bytes, tolerant of invalid input.
enum UTF8Scanning {
    /// Decodes the scalar starting at `index` (which must be `< count`). Invalid or truncated sequences,
    /// overlong forms and surrogates give `nil` with a width of 1, so callers skip one byte and go on.
    @inline(__always)
    static func decode(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> (Unicode.Scalar?, Int) {
        let lead = base[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let available = count - index
        switch lead {
        case 0xC2...0xDF:
            guard available >= 2 else { return (nil, 1) }
            let b1 = base[index + 1]
            guard b1 & 0xC0 == 0x80 else { return (nil, 1) }
            return (Unicode.Scalar(UInt32(lead & 0x1F) << 6 | UInt32(b1 & 0x3F)), 2)
        case 0xE0...0xEF:
            guard available >= 3 else { return (nil, 1) }
            let b1 = base[index + 1]
            let b2 = base[index + 2]
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return (nil, 1) }
            if lead == 0xE0 && b1 < 0xA0 { return (nil, 1) }
            if lead == 0xED && b1 >= 0xA0 { return (nil, 1) }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
            return (Unicode.Scalar(value), 3)
        case 0xF0...0xF4:
            guard available >= 4 else { return (nil, 1) }
            let b1 = base[index + 1]
            let b2 = base[index + 2]
            let b3 = base[index + 3]
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return (nil, 1) }
            if lead == 0xF0 && b1 < 0x90 { return (nil, 1) }
            if lead == 0xF4 && b1 >= 0x90 { return (nil, 1) }
            let value =
                UInt32(lead & 0x07) << 18 | UInt32(b1 & 0x3F) << 12 | UInt32(b2 & 0x3F) << 6
                | UInt32(b3 & 0x3F)
            return (Unicode.Scalar(value), 4)
        default:
            return (nil, 1)
        }
    }

    /// Whether `byte` starts a scalar (is not a continuation byte).
    @inline(__always)
    static func isScalarStart(_ byte: UInt8) -> Bool {
        byte & 0xC0 != 0x80
    }

    /// Number of scalars in `bytes` (counts non-continuation bytes).
    static func scalarCount<C: Collection<UInt8>>(_ bytes: C) -> Int {
        var count = 0
        for byte in bytes where isScalarStart(byte) { count += 1 }
        return count
    }

    /// Width in bytes of the whitespace scalar at `index`, or 0 when there is none. Covers ASCII whitespace,
    /// NBSP, the U+2000 spaces, U+202F, U+205F and U+3000.
    @inline(__always)
    static func whitespaceWidth(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Int {
        let byte = base[index]
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
            return 1
        case 0xC2:
            return index + 1 < count && base[index + 1] == 0xA0 ? 2 : 0
        case 0xE2:
            guard index + 2 < count else { return 0 }
            let b1 = base[index + 1]
            let b2 = base[index + 2]
            if b1 == 0x80 && (b2 <= 0x8A || b2 == 0xAF) { return 3 }
            if b1 == 0x81 && b2 == 0x9F { return 3 }
            return 0
        case 0xE3:
            return index + 2 < count && base[index + 1] == 0x80 && base[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}
