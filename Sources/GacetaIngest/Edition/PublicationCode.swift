/// The publisher's code that closes a paid notice in La Gaceta: "( IN2024871234 )", "( L10456 - IN2024871234 )".
public enum PublicationCode {
    /// The `IN…` code in a line (letters and at least 6 digits, inside parentheses), e.g. "IN2024871234".
    public static func find<S: StringProtocol>(in line: S) -> String? {
        // Without a "(" byte and an "IN" (either case) the line has no code: skip reading its characters.
        guard line.utf8.contains(0x28),
            zip(line.utf8, line.utf8.dropFirst()).contains(where: { $0 | 0x20 == 0x69 && $1 | 0x20 == 0x6E })
        else { return nil }
        let characters = Array(line)
        guard characters.contains("(") else { return nil }
        var index = 0
        while index + 1 < characters.count {
            defer { index += 1 }
            guard characters[index] == "I" || characters[index] == "i",
                characters[index + 1] == "N" || characters[index + 1] == "n"
            else { continue }
            if index > 0, characters[index - 1].isLetter || characters[index - 1].isNumber { continue }
            var end = index + 2
            while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
            let digits = end - index - 2
            guard digits >= 6 else { continue }
            if end < characters.count, characters[end].isLetter { continue }
            // Inside parentheses: an opening one before it on the line.
            guard characters[..<index].contains("(") else { continue }
            return "IN" + String(characters[(index + 2)..<end])
        }
        return nil
    }
}
