/// Character classes of the query language.
extension Character {
    /// Letters and digits (of any script) make up words; `º` and `ª` are ordinal marks, not letters, here.
    ///
    /// Odd clusters are separators, so that words never hold whitespace and read back the same from
    /// ``SearchExpression/description``: a combining mark with no letter before it (after a space it would join
    /// the space), and clusters that hold or would swallow a following space (prepended concatenation marks).
    var isQueryWordCharacter: Bool {
        guard (isLetter || isNumber) && self != "º" && self != "ª" else { return false }
        if isASCII { return true }
        switch unicodeScalars.first?.properties.generalCategory {
        case .nonspacingMark?, .spacingMark?, .enclosingMark?: return false
        default: break
        }
        if unicodeScalars.contains(where: \.properties.isWhitespace) { return false }
        return (String(self) + " ").count == 2
    }

    var isASCIIDigit: Bool {
        isASCII && isWholeNumber
    }

    /// Straight, curly and angle quotes all open and close phrases (phones type curly quotes).
    var isQueryQuote: Bool {
        switch self {
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "«", "»": true
        default: false
        }
    }

    /// The first control scalar (C0/C1 other than tab, newline and carriage return, which count as spaces).
    var forbiddenControlScalar: Unicode.Scalar? {
        unicodeScalars.first { scalar in
            scalar.properties.generalCategory == .control && scalar != "\t" && scalar != "\n" && scalar != "\r"
        }
    }
}
