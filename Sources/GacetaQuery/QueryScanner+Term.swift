/// Words, numbers, number markers, prefixes and hyphenated identifiers.
extension QueryScanner {
    /// Reads a term starting at `index`: one part, or several joined by hyphens (`44123-MP`, `7-2024`).
    mutating func scanTerm(excluded: Bool, start: Int) throws(QueryError) -> QueryTerm {
        var parts: [QueryAtom] = []
        while true {
            let partStart = index
            let part = try scanPart(inPhrase: false)
            parts.append(part)
            if case .prefix = part {
                if parts.count > 1 { throw .prefixInHyphenatedWord(at: partStart) }
                break
            }
            guard index + 1 < end, characters[index] == "-", startsTerm(at: index + 1) else { break }
            index += 1
        }
        return QueryTerm(parts: parts, excluded: excluded, position: start)
    }

    /// Reads one word, number or prefix at `index` (where ``startsTerm(at:)`` holds).
    ///
    /// Number markers (`N°`, `Nº`, `N.º`, `No.`, `N.`, `#`) right before a number are dropped; `.` and `,`
    /// between digits are thousands separators and dropped too, so `N° 44.123` reads as the number `44123`.
    mutating func scanPart(inPhrase: Bool) throws(QueryError) -> QueryAtom {
        let start = index
        if let digitsStart = numberMarkerEnd(at: index, inPhrase: inPhrase) {
            index = digitsStart
        } else if characters[index] == "#" {
            index += 1
        }

        var text = ""
        var allDigits = true
        while index < end {
            let character = characters[index]
            if character.isQueryWordCharacter {
                allDigits = allDigits && character.isASCIIDigit
                text.append(character)
                index += 1
            } else if character == "." || character == ",", allDigits, !text.isEmpty,
                index + 1 < end, characters[index + 1].isASCIIDigit
            {
                index += 1
            } else {
                break
            }
        }
        guard !text.isEmpty else { throw .internalError(at: start) }

        if index < end && characters[index] == "*" {
            if inPhrase { throw .starInPhrase(at: index) }
            let star = index
            index += 1
            if index < end && (characters[index].isQueryWordCharacter || characters[index] == "*") {
                throw .starInsideWord(at: star)
            }
            guard text.count >= 2 else { throw .prefixTooShort(text.lowercased(), at: start) }
            return .prefix(text.lowercased())
        }
        return allDigits ? .number(text) : .word(text.lowercased())
    }

    /// If a number marker starts at `position` and a digit follows it (spaces allowed in between),
    /// returns the position of that digit.
    ///
    /// Markers, in any case: `N°`, `Nº`, `N.°`, `N.º`, `N.`, `No.` (the text's marks, which the index drops too).
    /// Outside a phrase also `Nro`, `Núm`, `Num` (with or without a dot) and a bare `N` with a space before the
    /// digits (a phone has no `º`: «ley n 31731»); the index keeps those words, so a phrase keeps them. A plain
    /// `no` is a Spanish word, never a marker; `n525` is one word.
    func numberMarkerEnd(at position: Int, inPhrase: Bool) -> Int? {
        guard position < end, characters[position] == "n" || characters[position] == "N" else { return nil }
        let after = position + 1
        if !inPhrase, after < end, characters[after].isWhitespace {
            var digit = after
            while digit < end && characters[digit].isWhitespace { digit += 1 }
            if isNumber(at: digit) { return digit }
        }
        let marks: [[Character]] = [["°"], ["º"], [".", "°"], [".", "º"], ["."], ["o", "."]]
        let abbreviations: [[Character]] = [
            ["r", "o", "."], ["r", "o"], ["ú", "m", "."], ["ú", "m"], ["u", "m", "."], ["u", "m"],
        ]
        for suffix in inPhrase ? marks : marks + abbreviations {
            guard after + suffix.count <= end,
                characters[after..<after + suffix.count].elementsEqual(suffix, by: { $0.lowercased() == String($1) })
            else { continue }
            let markerEnd = after + suffix.count
            // "nro5" and "núm5" are markers; "nrox 5" is a word: a letter must not follow a marker without a dot.
            if markerEnd < end, characters[markerEnd].isQueryWordCharacter, !characters[markerEnd].isASCIIDigit {
                continue
            }
            var digit = markerEnd
            while digit < end && characters[digit].isWhitespace { digit += 1 }
            if marks.contains(suffix) ? digit < end && characters[digit].isASCIIDigit : isNumber(at: digit) {
                return digit
            }
        }
        return nil
    }

    /// Whether a number (digits, `.` or `,` between them) starts at `position` and ends the word: "7" and "44.123"
    /// in "n 7", "n 44.123-MP", not "7n".
    private func isNumber(at position: Int) -> Bool {
        var index = position
        while index < end,
            characters[index].isASCIIDigit
                || ((characters[index] == "." || characters[index] == ",") && index + 1 < end
                    && characters[index + 1].isASCIIDigit && index > position)
        {
            index += 1
        }
        return index > position && (index == end || !characters[index].isQueryWordCharacter)
    }
}
