import GacetaText

/// A token as the tokenizer reported it.
struct CollectedToken: Equatable, CustomStringConvertible {
    var text: String
    var range: Range<Int>
    var description: String { "\(text)@\(range)" }
}

extension SpanishTokenizer {
    /// Every token of `bytes` with its range.
    func collect(_ bytes: [UInt8], stem: Bool) -> [CollectedToken] {
        var tokens: [CollectedToken] = []
        bytes.withUnsafeBufferPointer { buffer in
            tokenize(buffer, stem: stem) { token, range in
                tokens.append(CollectedToken(text: String(decoding: token, as: UTF8.self), range: range))
                return true
            }
        }
        return tokens
    }

    /// Every token of `text` with its range.
    func collect(_ text: String, stem: Bool = false) -> [CollectedToken] {
        collect(Array(text.utf8), stem: stem)
    }
}

/// A small deterministic generator (SplitMix64) so randomized tests can be replayed from their seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
