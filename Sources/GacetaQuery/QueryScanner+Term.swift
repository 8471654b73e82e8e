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
        if let digitsStart = numberMarkerEnd(at: index) {
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
    /// Markers: `N°`, `Nº`, `N.°`, `N.º`, `N.`, `No.` in any case. A plain `no` is a Spanish word, never a marker.
    func numberMarkerEnd(at position: Int) -> Int? {
        guard position < end, characters[position] == "n" || characters[position] == "N" else { return nil }
        let markerEnds = [["°"], ["º"], [".", "°"], [".", "º"], ["."], ["o", "."], ["O", "."]]
            .map { (suffix: [Character]) -> Int? in
                let after = position + 1
                guard after + suffix.count <= end, Array(characters[after..<after + suffix.count]) == suffix else {
                    return nil
                }
                return after + suffix.count
            }
        for case let markerEnd? in markerEnds {
            var digit = markerEnd
            while digit < end && characters[digit].isWhitespace { digit += 1 }
            if digit < end && characters[digit].isASCIIDigit { return digit }
        }
        return nil
    }
}
