/// YAML front matter between `---` lines at the top of a Markdown or text file.
///
/// Understands the subset such files use: `key: value`, single- and double-quoted values with escapes, plain values
/// continued on indented lines, folded (`>`, `>-`) and literal (`|`, `|-`) block scalars, `- item` lists (joined
/// with ", ") and `#` comments. Nested mappings are skipped.
public enum FrontMatter {
    /// The fields (values as YAML would read them) and the text after the closing `---`. Without front matter,
    /// the fields are empty and the body is the whole text.
    public static func parse(_ text: String) -> (fields: [String: String], body: Substring) {
        var lines: [Substring] = []
        var rest = Substring(text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        guard let (opening, afterOpening) = nextLine(rest), isDelimiter(opening, closing: false) else {
            return ([:], Substring(text))
        }
        rest = afterOpening
        while let (line, after) = nextLine(rest) {
            if isDelimiter(line, closing: true) {
                return (parseFields(lines), after)
            }
            lines.append(line)
            rest = after
        }
        return ([:], Substring(text))  // no closing line: not front matter
    }

    /// The next line without its `\n` or `\r\n`, and what follows it.
    private static func nextLine(_ text: Substring) -> (Substring, Substring)? {
        guard !text.isEmpty else { return nil }
        guard let newline = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) else {
            return (stripCR(text), text[text.endIndex...])
        }
        return (stripCR(text[..<newline]), text[text.index(after: newline)...])
    }

    private static func stripCR(_ line: Substring) -> Substring {
        var line = line
        while line.hasSuffix("\r") { line = line.dropLast() }
        return line
    }

    private static func isDelimiter(_ line: Substring, closing: Bool) -> Bool {
        let trimmed = trimTrailing(line)
        return trimmed == "---" || (closing && trimmed == "...")
    }

    static func trimTrailing(_ text: Substring) -> Substring {
        var text = text
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }

    static func indentation(_ line: Substring) -> Int {
        line.prefix(while: { $0 == " " || $0 == "\t" }).count
    }

    private static func parseFields(_ lines: [Substring]) -> [String: String] {
        var fields: [String: String] = [:]
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            let content = line.drop(while: { $0 == " " || $0 == "\t" })
            guard indentation(line) == 0, !content.isEmpty, !content.hasPrefix("#"),
                let colon = keySeparator(in: content)
            else { continue }
            let key = String(trimTrailing(unquoteKey(content[..<colon])))
            let rawValue = content[content.index(after: colon)...].drop(while: { $0 == " " || $0 == "\t" })
            var continuation: [Substring] = []
            while index < lines.count {
                let next = lines[index]
                let isBlank = trimTrailing(next).isEmpty
                guard isBlank || indentation(next) > 0 else { break }
                continuation.append(next)
                index += 1
            }
            fields[key] = YAMLScalar.value(rawValue, continuation: continuation)
        }
        return fields
    }

    /// The `:` that ends a key (followed by a space or the end of the line), outside quotes.
    private static func keySeparator(in line: Substring) -> Substring.Index? {
        var quote: Character?
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            let next = line.index(after: index)
            if let open = quote {
                if character == open { quote = nil }
            } else if index == line.startIndex, character == "\"" || character == "'" {
                quote = character
            } else if character == ":", next == line.endIndex || line[next] == " " || line[next] == "\t" {
                return index
            }
            index = next
        }
        return nil
    }

    private static func unquoteKey(_ key: Substring) -> Substring {
        if key.count >= 2, let first = key.first, first == "\"" || first == "'", key.last == first {
            return key.dropFirst().dropLast()
        }
        return key
    }
}
