/// The identifier in a notice's heading: "DECRETO EJECUTIVO N° 44123-MP" → "44123-MP",
/// "LICITACIÓN PÚBLICA 2024LN-000012" → "2024LN-000012", "PROYECTO DE LEY NÚMERO 151 DE 2025" → "151 de 2025".
enum NoticeIdentifier {
    private static let markers: Set<String> = ["n", "no", "nro", "numero", "num"]
    private static let trailing: Set<Character> = [",", ".", ";", ":", ")", "(", "—", "–"]

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
        return words.first { word in
            word.count >= 3 && word.contains(where: \.isNumber)
                && word.contains(where: { $0.isLetter || $0 == "-" })
        }.map(String.init)
    }
}
