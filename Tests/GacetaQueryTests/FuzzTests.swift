import GacetaQuery
import Testing

@Suite("Fuzz")
struct FuzzTests {
    static let seed: UInt64 = 0x6761_6365_7461

    /// Fragments mixed at random: syntax, Spanish text, markers, separators, controls, emoji.
    static let fragments: [String] = [
        "a", "b", "é", "á", "ñ", "Ñ", "salario", "mínimo", "de", "la", "OR", "or", "o", "no", "No.", "N°", "Nº",
        "N.º", "N.", "N", "#", "0", "7", "44", "44.123", "1,500", "44123-MP", "7-2024", "\"", "“", "”", "«", "»",
        "-", "*", " ", " ", " ", "\t", "\n", ".", ",", ";", ":", "¿", "?", "!", "(", ")", "[", "'", "/", "_", "°",
        "º", "ª", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{301}", "\u{200B}", "\u{200D}", "🙂", "👩‍⚖️",
        "🇨🇷", "\r\n", "İ", "ß", "²", "٣",
    ]

    static func randomQuery(using generator: inout SeededGenerator) -> String {
        let length: Int
        switch Int.random(in: 0..<100, using: &generator) {
        case 0..<3: length = Int.random(in: 100...600, using: &generator)  // often past the length limit
        case 3..<10: length = 0
        default: length = Int.random(in: 1...20, using: &generator)
        }
        var query = ""
        for _ in 0..<length {
            if Int.random(in: 0..<10, using: &generator) == 0 {
                let scalar = Unicode.Scalar(UInt32.random(in: 0...0x2_FFFF, using: &generator))
                query.unicodeScalars.append(scalar ?? "?")
            } else {
                query += fragments.randomElement(using: &generator) ?? ""
            }
        }
        return query
    }

    @Test("20,000 random queries parse into valid expressions or throw QueryError")
    func randomQueries() {
        var generator = SeededGenerator(seed: Self.seed)
        var parsed = 0
        for iteration in 0..<20_000 {
            let query = Self.randomQuery(using: &generator)
            do {
                let expression = try SearchQueryParser.parse(query, isStopword: { $0 == "de" || $0 == "la" })
                parsed += 1
                checkInvariants(expression, query: query, iteration: iteration)
            } catch {
                #expect(
                    !error.message.isEmpty && !error.message.contains("could not be read"), "\(query.debugDescription)")
                if let position = error.position {
                    #expect(position >= 0 && position <= min(query.count, SearchQueryParser.maximumLength))
                }
            }
        }
        #expect(parsed > 2_000, "too few random queries parsed (\(parsed)) for the invariants to mean much")
    }

    private func checkInvariants(_ expression: SearchExpression, query: String, iteration: Int) {
        let context = Comment(rawValue: "iteration \(iteration), seed \(Self.seed): \(query.debugDescription)")
        #expect(!expression.required.isEmpty, context)
        #expect(expression.required.allSatisfy { !$0.isEmpty }, context)
        let atoms = expression.required.flatMap { $0 } + expression.excluded
        #expect(atoms.count <= SearchQueryParser.maximumAtoms, context)
        for atom in atoms {
            switch atom {
            case .word(let text):
                #expect(isClean(text), context)
            case .prefix(let text):
                #expect(text.count >= 2 && isClean(text), context)
            case .number(let digits):
                #expect(!digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isWholeNumber }, context)
            case .phrase(let words):
                #expect(!words.isEmpty && words.allSatisfy(isClean), context)
            }
        }
        // The canonical text, without the group parentheses, reads back as the same atoms.
        let canonical = String(expression.description.filter { $0 != "(" && $0 != ")" })
        let again = try? SearchQueryParser.parse(canonical)
        #expect(again?.required == expression.required, context)
        #expect(again?.excluded == expression.excluded, context)
    }

    /// Non-empty, letters and digits only: nothing of the query's syntax reaches the storage layer.
    private func isClean(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber }
            && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
    }
}
