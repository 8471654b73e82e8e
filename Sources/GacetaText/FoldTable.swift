/// How a scalar takes part in tokens.
enum ScalarKind: UInt8 {
    /// Ends a token (spaces, punctuation, symbols, invalid UTF-8).
    case separator = 0
    /// Part of a token: letters, marks and non-decimal numbers.
    case letter = 1
    /// A decimal digit, folded to ASCII '0'...'9'.
    case digit = 2
    /// Dropped without ending a token: combining diacritics, soft hyphen, zero-width joiners.
    case ignorable = 3
}

/// Folding data shared by the tokenizer and `TextFolding`.
///
/// The tokenizer's fast paths read two tables: `ascii` (128 bytes: the folded byte of a letter or digit, 0 for
/// separators) and `latin` (256 packed entries for U+0080..<U+0180, Latin-1 Supplement and Latin Extended-A).
/// A packed entry holds the first folded byte in bits 0–7, the second in bits 8–15, the byte count in
/// bits 16–23 and the `ScalarKind` in bits 24–31. Everything else goes through `foldSlow`.
enum FoldTable {
    /// Most bytes a single scalar folds to (`foldSlow` never writes more).
    static let maxFoldedScalarBytes = 12

    /// Folded byte for each ASCII byte: lowercase letters and digits, 0 for everything else.
    static let ascii: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x41...0x5A: return UInt8(byte + 0x20)
        case 0x61...0x7A, 0x30...0x39: return UInt8(byte)
        default: return 0
        }
    }

    /// Packed entries for U+0080..<U+0180.
    static let latin: [UInt32] = makeLatinEntries()

    /// Base letters of U+00C0..<U+0180, one word per scalar: "-" marks a non-letter (× ÷),
    /// "*" a letter kept as its lowercase form (ŋ).
    private static let latinBases = """
        a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th ss \
        a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th y \
        a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g \
        g g g g h h h h i i i i i i i i i i ij ij j j k k k l l l l l l l \
        l l l n n n n n n n * * o o o o o o oe oe r r r r r r s s s s s s \
        s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s
        """

    private static func makeLatinEntries() -> [UInt32] {
        var entries = [UInt32](repeating: 0, count: 256)
        for value in 0x80..<0xC0 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            entries[value - 0x80] = entry(forSlow: scalar)
        }
        // Ordinal indicators and superscript digits fold like their ASCII look-alikes ("Nº" → "no", "m²" → "m2").
        let overrides: [Int: (ScalarKind, [UInt8])] = [
            0xAA: (.letter, [0x61]), 0xBA: (.letter, [0x6F]),
            0xB2: (.digit, [0x32]), 0xB3: (.digit, [0x33]), 0xB9: (.digit, [0x31]),
        ]
        for (value, (kind, bytes)) in overrides {
            entries[value - 0x80] = pack(kind, bytes)
        }
        let bases = latinBases.split(separator: " ")
        for (offset, base) in bases.enumerated() where offset < 0xC0 {
            let value = 0xC0 + offset
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            switch base {
            case "-": entries[value - 0x80] = pack(.separator, [])
            case "*": entries[value - 0x80] = entry(forSlow: scalar)
            default: entries[value - 0x80] = pack(.letter, Array(base.utf8))
            }
        }
        return entries
    }

    private static func entry(forSlow scalar: Unicode.Scalar) -> UInt32 {
        var buffer = [UInt8](repeating: 0, count: maxFoldedScalarBytes)
        let (kind, count) = buffer.withUnsafeMutableBufferPointer { pointer -> (ScalarKind, Int) in
            guard let base = pointer.baseAddress else { return (.separator, 0) }
            return foldSlow(scalar, into: base)
        }
        guard count <= 2 else { return pack(.separator, []) }
        return pack(kind, Array(buffer[0..<count]))
    }

    private static func pack(_ kind: ScalarKind, _ bytes: [UInt8]) -> UInt32 {
        var value = UInt32(kind.rawValue) << 24 | UInt32(bytes.count) << 16
        if bytes.count > 0 { value |= UInt32(bytes[0]) }
        if bytes.count > 1 { value |= UInt32(bytes[1]) << 8 }
        return value
    }

    /// Classifies any scalar with `Unicode.Scalar.Properties` and writes its folded bytes (at most
    /// `maxFoldedScalarBytes`) to `dest`. The slow path: only for scalars outside the tables.
    static func foldSlow(_ scalar: Unicode.Scalar, into dest: UnsafeMutablePointer<UInt8>) -> (ScalarKind, Int) {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber:
            if let value = properties.numericValue, value >= 0, value <= 9 {
                dest[0] = 0x30 + UInt8(value)
                return (.digit, 1)
            }
            return (.letter, write(scalar.utf8, into: dest))
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .letterNumber, .otherNumber:
            let lower = properties.lowercaseMapping.utf8
            if lower.count <= maxFoldedScalarBytes {
                return (.letter, write(lower, into: dest))
            }
            return (.letter, write(scalar.utf8, into: dest))
        case .nonspacingMark, .spacingMark, .enclosingMark:
            if (0x300...0x36F).contains(scalar.value) { return (.ignorable, 0) }
            return (.letter, write(scalar.utf8, into: dest))
        case .format:
            switch scalar.value {
            case 0xAD, 0x200C, 0x200D, 0x2060: return (.ignorable, 0)
            default: return (.separator, 0)
            }
        default:
            return (.separator, 0)
        }
    }

    private static func write<C: Collection<UInt8>>(_ bytes: C, into dest: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes {
            dest[count] = byte
            count += 1
        }
        return count
    }
}
