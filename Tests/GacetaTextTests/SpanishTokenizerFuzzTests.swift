import GacetaText
import Testing

@Suite struct SpanishTokenizerFuzzTests {
    let tokenizer = SpanishTokenizer()

    private func checkInvariants(_ bytes: [UInt8], stem: Bool) {
        var previousEnd = 0
        var ok = true
        bytes.withUnsafeBufferPointer { buffer in
            tokenizer.tokenize(buffer, stem: stem) { token, range in
                let valid =
                    range.lowerBound >= previousEnd && range.upperBound <= bytes.count && !range.isEmpty
                    && token.count > 0 && token.count <= SpanishTokenizer.maxTokenLength
                if !valid { ok = false }
                previousEnd = range.upperBound
                return true
            }
        }
        #expect(ok, "invariants broken for \(bytes)")
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func randomBytes(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        for _ in 0..<200 {
            let count = Int.random(in: 0..<300, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            checkInvariants(bytes, stem: Bool.random(using: &generator))
        }
    }

    @Test(arguments: [11, 12, 13, 14])
    func randomStrings(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let alphabet: [Unicode.Scalar] = Array("aáeéiíoóuúüñAÑZ019 .,;'-\n¿?\u{AD}\u{301}°ºß€αБ東😀".unicodeScalars)
        for _ in 0..<300 {
            let count = Int.random(in: 0..<200, using: &generator)
            var text = String.UnicodeScalarView()
            for _ in 0..<count {
                if Int.random(in: 0..<10, using: &generator) == 0,
                    let scalar = Unicode.Scalar(UInt32.random(in: 0x80...0x2FFFF, using: &generator))
                {
                    text.append(scalar)
                } else if let scalar = alphabet.randomElement(using: &generator) {
                    text.append(scalar)
                }
            }
            let bytes = Array(String(text).utf8)
            checkInvariants(bytes, stem: true)
            // Ranges of a valid string cut it on scalar boundaries.
            for token in tokenizer.collect(bytes, stem: false) {
                let slice = bytes[token.range]
                #expect(String(validating: slice, as: UTF8.self) != nil)
            }
        }
    }
}
