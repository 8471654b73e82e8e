@testable import GacetaIngest
import GacetaText
import TestSupport
import Testing

/// The byte-level fast paths of `PlainText` against the Character-by-Character code they stand in for.
@Suite struct PlainTextTests {
    static let plainRanges: [ClosedRange<UInt32>] = [
        0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF, 0x2100...0x23FF, 0x2500...0x25FF,
        0xE000...0xF8FF,
    ]

    @Test func everyPlainScalarIsACharacterOfItsOwn() {
        var checked = 0
        for range in Self.plainRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let alone = String(Character(scalar))
                #expect(PlainText.isPlain(scalar))
                #expect(PlainText.withBytes(alone, PlainText.isPlain))
                // Neither joins the letter after it (a prepended sign) nor the one before (a mark, a joiner).
                #expect(("a" + alone).count == 2, "U+\(String(value, radix: 16)) joins the letter before it")
                #expect((alone + "a").count == 2, "U+\(String(value, radix: 16)) joins the letter after it")
                #expect(LayoutScalar(scalar).isWhitespace == Character(scalar).isWhitespace)
                checked += 1
            }
        }
        #expect(checked > 7_000)
        for value: UInt32 in [0x300, 0x36F, 0x200D, 0x2028, 0x205F, 0x3000, 0x1F600, 0x0903, 0x0600] {
            let text = String(Character(Unicode.Scalar(value) ?? "?"))
            #expect(!PlainText.withBytes(text, PlainText.isPlain), "U+\(String(value, radix: 16)) is not plain")
        }
    }

    static let fragments = [
        "a", "b", "Z", "é", "Ñ", "ü", "º", " ", " ", "  ", "    ", "\t", "\u{A0}", "\u{85}", "\u{0B}", "\n", "\r",
        "\r\n",
        "12", "7", "2024", "—", "“", "”", "•", "\u{F0B7}", "\u{301}", "\u{200D}", "\u{0300}", "G a c e t a", "d e l",
        "La Gaceta", "Nº 129", "Pág 3", "CONSIDERANDO:", "y", "la", "de", "ﬁ", "€", "→",
    ]

    static func samples(seed: UInt64, pieces: ClosedRange<Int> = 0...24) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<Fuzz.iterations).map { _ in Fuzz.text(fragments, pieces: pieces, using: &generator) }
    }

    @Test func whitespaceCollapsesAsCharactersDo() {
        for (iteration, line) in Self.samples(seed: 14).enumerated() {
            let expected = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(LineText.collapseWhitespace(line) == expected, "iteration \(iteration): \(line.debugDescription)")
        }
    }

    @Test func digitsAreMaskedAsCharactersAre() {
        var plain = 0
        for (iteration, line) in Self.samples(seed: 15).enumerated() {
            if let masked = PlainText.maskDigits(line) {
                plain += 1
                #expect(masked == PageFurniture.maskDigits(line), "iteration \(iteration): \(line.debugDescription)")
            }
        }
        #expect(plain > 0)
    }

    @Test func linesAreMaskedAsCharactersAre() {
        var ascii = 0
        for (iteration, line) in Self.samples(seed: 19, pieces: 0...12).enumerated() {
            if PlainText.maskASCII(line) != nil { ascii += 1 }
            #expect(
                PageFurniture.mask(line) == PageFurniture.maskByCharacter(line),
                "iteration \(iteration): \(line.debugDescription)")
        }
        #expect(ascii > 0)
    }

    @Test func lettersAndTheirCaseAreCountedAsCharactersAre() {
        for (iteration, line) in Self.samples(seed: 20).enumerated() {
            #expect(GazetteVocabulary.letters(line) == line.filter(\.isLetter), "iteration \(iteration)")
            let letters = line.filter(\.isLetter)
            let upper = letters.filter(\.isUppercase).count
            let expected = letters.count >= 3 && upper * 5 >= letters.count * 4
            #expect(LineText.isUppercase(line) == expected, "iteration \(iteration): \(line.debugDescription)")
        }
    }

    @Test func tokensAreFoldedAsTheirCharactersAre() {
        for (iteration, line) in Self.samples(seed: 21).enumerated() {
            var expected: [TextToken] = []
            var current = ""
            var currentKind = TextToken.Kind.word
            for character in line {
                let kind: TextToken.Kind?
                if character.isASCII, character.isNumber {
                    kind = .number
                } else if character.isLetter, character != "º", character != "ª" {
                    kind = .word
                } else {
                    kind = nil
                }
                if kind != currentKind, !current.isEmpty {
                    expected.append(TextToken(kind: currentKind, text: current))
                    current = ""
                }
                if let kind {
                    currentKind = kind
                    current += TextFolding.fold(String(character))
                }
            }
            if !current.isEmpty { expected.append(TextToken(kind: currentKind, text: current)) }
            #expect(TextToken.tokenize(line) == expected, "iteration \(iteration): \(line.debugDescription)")
            let code = PublicationCode.find(in: line + " ( IN2024000106 )")
            #expect(code != nil)
        }
    }

    @Test func aLineSaidToHaveNoSpacedLettersKeepsItsLetters() {
        var spaced = 0
        var shortcut = 0
        for (iteration, line) in Self.samples(seed: 16).enumerated() {
            let reference = LineText.joinSpacedLetters(Substring(line))
            if !PlainText.mayHaveSpacedLetters(line) {
                shortcut += 1
                #expect(
                    reference == String(Substring(line).trimmingSpaces),
                    "iteration \(iteration): \(line.debugDescription)")
            }
            #expect(LineText.collapseLetterSpacing(Substring(line)) == reference)
            if reference != String(Substring(line).trimmingSpaces) { spaced += 1 }
        }
        #expect(spaced > 0 && shortcut > 0)
    }

    @Test func linesAreCleanedAsCharactersAre() {
        for (iteration, text) in Self.samples(seed: 17, pieces: 0...60).enumerated() {
            #expect(TextCleanup.clean(text) == TextCleanup.cleanByCharacter(Substring(text)), "iteration \(iteration)")
            let masked = MaskedPage(text)
            #expect(masked.blank == masked.lines.map { $0.allSatisfy(\.isWhitespace) }, "iteration \(iteration)")
            if let pieces = PlainText.lines(text) {
                #expect(pieces == text.split(separator: "\n", omittingEmptySubsequences: false))
            }
            #expect(
                PlainText.pieces(text, separator: 0x0C)
                    == text.split(separator: "\u{0C}", omittingEmptySubsequences: false))
        }
    }

    @Test func columnsAreReadAsFromCharacters() {
        var generator = SeededGenerator(seed: 18)
        let words = ["Artículo", "1º", "señor", "—", "la", "Gaceta", "“cita”", "•", "año", "2024", "de", "y"]
        var twoColumns = 0
        for iteration in 0..<max(50, Fuzz.iterations / 20) {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 4...30, using: &generator) {
                var left = ""
                while left.count < Int.random(in: 0...34, using: &generator) {
                    left += (words.randomElement(using: &generator) ?? "") + " "
                }
                var right = ""
                while right.count < Int.random(in: 0...34, using: &generator) {
                    right += (words.randomElement(using: &generator) ?? "") + " "
                }
                let pad = String(
                    repeating: " ", count: max(2, 40 - left.count + Int.random(in: -3...3, using: &generator)))
                lines.append(left + pad + right)
            }
            let page = lines.joined(separator: "\n")
            let characters = page.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
            if ColumnLayout.gutter(in: characters) != nil { twoColumns += 1 }
            #expect(ColumnLayout.readingOrder(page) == ColumnLayout.readingOrder(characters), "iteration \(iteration)")
        }
        #expect(twoColumns > 0)
    }
}
