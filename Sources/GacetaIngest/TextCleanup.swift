/// Light cleanup applied to all extracted text; normalising and chunking is left to the caller.
enum TextCleanup {
    /// Removes `\r`, trailing whitespace on every line and trailing blank lines.
    static func clean(_ text: Substring) -> String {
        PlainText.cleanLines(text) ?? cleanByCharacter(text)
    }

    /// `clean` Character by Character.
    static func cleanByCharacter(_ text: Substring) -> String {
        var lines: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = line
            while let last = line.last, last.isWhitespace { line = line.dropLast() }
            return line
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static func clean(_ text: String) -> String { clean(Substring(text)) }

    /// Turns `\r\n` and lone `\r` into `\n` (Swift treats "\r\n" as one Character, so splitting on "\n" would
    /// miss it).
    static func unixNewlines(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { scalars.append(scalar) }
            previousWasCR = false
        }
        return String(scalars)
    }
}
