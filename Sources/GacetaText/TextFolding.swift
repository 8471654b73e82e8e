/// Lowercasing and diacritic removal, like FTS5's unicode61 tokenizer with `remove_diacritics=2`:
/// "Canción" → "cancion", "NIÑO" → "nino", "Ü" → "u".
///
/// Folds exactly as `SpanishTokenizer` folds token characters: Latin-1 and Latin Extended-A letters lose their
/// diacritics ("ø" → "o", "ß" → "ss", "æ" → "ae", "º" → "o"), combining diacritical marks (U+0300–U+036F) and
/// soft hyphens are dropped, other letters are lowercased (Greek, Cyrillic, …) and everything else
/// (spaces, punctuation) is kept as is.
public enum TextFolding {
    /// Returns `text` lowercased and without diacritics.
    public static func fold(_ text: String) -> String {
        var copy = text
        let folded = copy.withUTF8 { bytes -> String? in
            guard needsFolding(bytes) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count * 3 + FoldTable.maxFoldedScalarBytes) { out in
                fold(bytes, into: out)
            }
        }
        return folded ?? text
    }

    private static func needsFolding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) {
            return true
        }
        return false
    }

    /// Writes the folded form of `bytes` (valid UTF-8) to `out`, which holds at least
    /// `bytes.count * 3 + FoldTable.maxFoldedScalarBytes` bytes; returns the number of bytes written.
    private static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress, let dest = out.baseAddress else { return 0 }
        let count = bytes.count
        var written = 0
        var index = 0
        FoldTable.latin.withUnsafeBufferPointer { latin in
            while index < count {
                let byte = base[index]
                if byte < 0x80 {
                    dest[written] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    written += 1
                    index += 1
                    continue
                }
                let (decoded, width) = UTF8Scanning.decode(base, at: index, count: count)
                guard let scalar = decoded else {
                    index += width
                    continue
                }
                let kind: ScalarKind
                var folded = 0
                if scalar.value < 0x180 {
                    let entry = latin[Int(scalar.value) - 0x80]
                    kind = ScalarKind(rawValue: UInt8(truncatingIfNeeded: entry >> 24)) ?? .separator
                    folded = Int(entry >> 16 & 0xFF)
                    dest[written] = UInt8(truncatingIfNeeded: entry)
                    dest[written + 1] = UInt8(truncatingIfNeeded: entry >> 8)
                } else {
                    (kind, folded) = FoldTable.foldSlow(scalar, into: dest + written)
                }
                switch kind {
                case .letter, .digit:
                    written += folded
                case .ignorable:
                    break
                case .separator:
                    for offset in 0..<width { dest[written + offset] = base[index + offset] }
                    written += width
                }
                index += width
            }
        }
        return written
    }
}
