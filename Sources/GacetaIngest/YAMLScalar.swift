/// Reads the value of one front matter field (see `FrontMatter`).
enum YAMLScalar {
    /// The value that starts after `key:` on the key's line, with the indented lines that follow it.
    static func value(_ first: Substring, continuation: [Substring]) -> String {
        let head = FrontMatter.trimTrailing(first)
        if let style = head.first, style == "|" || style == ">" {
            let chomping = head.dropFirst().first(where: { $0 == "-" || $0 == "+" })
            return block(continuation, folded: style == ">", chomping: chomping)
        }
        if head.first == "\"" { return doubleQuoted(joinFolded([head] + continuation)) }
        if head.first == "'" { return singleQuoted(joinFolded([head] + continuation)) }
        let items = continuation.map { $0.drop(while: { $0 == " " || $0 == "\t" }) }.filter { !$0.isEmpty }
        if stripComment(head).isEmpty, let item = items.first, item.hasPrefix("- ") || item == "-" {
            return items.filter { $0.hasPrefix("-") }.map { listItem($0) }.joined(separator: ", ")
        }
        if stripComment(head).isEmpty, items.contains(where: { $0.contains(": ") || $0.hasSuffix(":") }) {
            return ""  // a nested mapping: not needed here
        }
        return joinFolded(([head] + continuation).map(stripComment))
    }

    /// Plain-scalar folding: trimmed lines joined by spaces, blank lines kept as newlines.
    private static func joinFolded(_ lines: [Substring]) -> String {
        var result = ""
        var pendingBreaks = 0
        for line in lines {
            let trimmed = FrontMatter.trimTrailing(line.drop(while: { $0 == " " || $0 == "\t" }))
            if trimmed.isEmpty {
                pendingBreaks += 1
                continue
            }
            if !result.isEmpty {
                result += pendingBreaks > 0 ? String(repeating: "\n", count: pendingBreaks) : " "
            }
            result += trimmed
            pendingBreaks = 0
        }
        return result
    }

    /// A `|` or `>` block: lines indented like the first one, with the chomping indicator applied.
    private static func block(_ lines: [Substring], folded: Bool, chomping: Character?) -> String {
        let indent = lines.first(where: { !FrontMatter.trimTrailing($0).isEmpty }).map(FrontMatter.indentation) ?? 0
        let content: [Substring] = lines.map { line in
            FrontMatter.trimTrailing(line).isEmpty ? "" : line.dropFirst(min(indent, FrontMatter.indentation(line)))
        }
        var body = ""
        if folded {
            var previousWasText = false
            for line in content {
                if line.isEmpty {
                    body += "\n"
                    previousWasText = false
                } else if line.first == " " || line.first == "\t" {
                    body += (previousWasText ? "\n" : "") + line  // more-indented lines keep their breaks
                    previousWasText = true
                } else {
                    body += (previousWasText ? " " : "") + line
                    previousWasText = true
                }
            }
        } else {
            body = content.joined(separator: "\n")
        }
        var trimmed = Substring(body)
        while trimmed.hasSuffix("\n") { trimmed = trimmed.dropLast() }
        switch chomping {
        case "-": return String(trimmed)
        case "+": return body + "\n"
        default: return trimmed.isEmpty ? "" : String(trimmed) + "\n"
        }
    }

    private static func doubleQuoted(_ text: String) -> String {
        var result = ""
        var characters = Array(text.dropFirst())
        if let closing = closingQuote(in: characters, quote: "\"") { characters = Array(characters[..<closing]) }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            guard character == "\\", index < characters.count else {
                result.append(character)
                continue
            }
            let escape = characters[index]
            index += 1
            switch escape {
            case "n": result += "\n"
            case "t": result += "\t"
            case "r": result += "\r"
            case "0": result += "\u{0}"
            case "\"", "\\", "/": result.append(escape)
            case "x", "u", "U":
                let width = escape == "x" ? 2 : escape == "u" ? 4 : 8
                let hex = String(characters[index..<min(characters.count, index + width)])
                if hex.count == width, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                    index += width
                } else {
                    result += "\\" + String(escape)
                }
            default: result += "\\" + String(escape)
            }
        }
        return result
    }

    /// The index of the unescaped closing quote in a double-quoted value (after the opening quote).
    private static func closingQuote(in characters: [Character], quote: Character) -> Int? {
        var index = 0
        while index < characters.count {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            if characters[index] == quote { return index }
            index += 1
        }
        return nil
    }

    private static func singleQuoted(_ text: String) -> String {
        var result = ""
        let characters = Array(text.dropFirst())
        var index = 0
        while index < characters.count {
            if characters[index] == "'" {
                if index + 1 < characters.count, characters[index + 1] == "'" {
                    result += "'"
                    index += 2
                    continue
                }
                break
            }
            result.append(characters[index])
            index += 1
        }
        return result
    }

    /// A plain value without a trailing ` # comment`.
    private static func stripComment(_ text: Substring) -> Substring {
        if text.hasPrefix("#") { return "" }
        var previous: Character = " "
        for index in text.indices {
            if text[index] == "#", previous == " " || previous == "\t" {
                return FrontMatter.trimTrailing(text[..<index])
            }
            previous = text[index]
        }
        return FrontMatter.trimTrailing(text)
    }

    private static func listItem(_ item: Substring) -> String {
        let text = item.dropFirst().drop(while: { $0 == " " })
        if text.first == "\"" { return doubleQuoted(String(text)) }
        if text.first == "'" { return singleQuoted(String(text)) }
        return String(stripComment(text))
    }
}
