import GacetaText

/// The identifier in a notice's heading: "DECRETO EJECUTIVO N° 44123-MP" → "44123-MP",
/// "LICITACIÓN PÚBLICA 2024LN-000012" → "2024LN-000012", "PROYECTO DE LEY NÚMERO 151 DE 2025" → "151 de 2025".
enum NoticeIdentifier {
    private static let markers: Set<String> = ["n", "no", "nro", "numero", "num"]
    private static let trailing: Set<Character> = [",", ".", ";", ":", ")", "(", "—", "–"]

    /// The first run of digits of the identifier: "151 de 2025" and "151" name the same notice.
    static func key(of title: String) -> String? {
        guard let identifier = find(in: title) else { return nil }
        let digits = identifier.drop(while: { !$0.isNumber }).prefix(while: \.isNumber)
        guard let value = Int(digits) else { return nil }
        return String(value)
    }

    static func find(in title: String) -> String? {
        let words = title.split(whereSeparator: \.isWhitespace).map { word -> Substring in
            var word = word
            while let last = word.last, trailing.contains(last) { word = word.dropLast() }
            while let first = word.first, trailing.contains(first) { word = word.dropFirst() }
            return word
        }
        for (position, word) in words.enumerated() {
            let folded = LineText.words(word)
            // "N°44123-MP" glued, or a marker word followed by the identifier.
            if folded.count >= 2, markers.contains(folded[0]), word.first == "N" || word.first == "n",
                let digit = word.firstIndex(where: \.isNumber)
            {
                return String(word[digit...])
            }
            guard folded.count == 1, markers.contains(folded[0]), position + 1 < words.count else { continue }
            let value = words[position + 1]
            guard value.contains(where: \.isNumber) else { continue }
            if value.allSatisfy(\.isNumber), position + 3 < words.count,
                LineText.words(words[position + 2]) == ["de"], words[position + 3].count == 4,
                words[position + 3].allSatisfy(\.isNumber)
            {
                return "\(value) de \(words[position + 3])"
            }
            return String(value)
        }
        // "LEY 2633 DE 2026": a type's name, then the number.
        if words.count >= 2, GazetteVocabulary.singularTypes.contains(TextFolding.fold(String(words[0]))),
            words[1].allSatisfy(\.isNumber)
        {
            return String(words[1])
        }
        return words.first { word in
            word.count >= 3 && word.contains(where: \.isNumber)
                && word.contains(where: { $0.isLetter || $0 == "-" })
        }.map(String.init)
    }
}
