/// Reads INI text: `[section]` headers, `key = value` lines, blank lines and comments.
///
/// - Full-line comments start with `;` or `#` after optional whitespace.
/// - Inline comments start with `;` or `#` preceded by whitespace: `workers = 3 ; three`.
/// - A double-quoted value keeps `;`, `#` and surrounding spaces; inside it `\"` is a quote and `\\` a backslash
///   (any other backslash is kept as is).
/// Syntax errors are collected, one per line, and parsing goes on with the next line.
enum IniParser {
    static func parse(_ text: String) -> IniDocument {
        var document = IniDocument()
        var body = Substring(text)
        if body.first == "\u{FEFF}" {
            body = body.dropFirst()
        }
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, rawLine) in lines.enumerated() {
            parseLine(rawLine, number: offset + 1, into: &document)
        }
        return document
    }

    private static func parseLine(_ rawLine: Substring, number: Int, into document: inout IniDocument) {
        let line = rawLine.trimmingWhitespace()
        guard let first = line.first, first != ";", first != "#" else { return }
        if first == "[" {
            parseHeader(line, number: number, into: &document)
            return
        }
        guard let equals = line.firstIndex(of: "=") else {
            document.errors.append(
                .init(
                    line: number, problem: "malformed line '\(line)'",
                    hint: "expected 'key = value', a [section] header or a comment starting with ';' or '#'"))
            return
        }
        let key = line[..<equals].trimmingWhitespace()
        guard !key.isEmpty else {
            document.errors.append(
                .init(
                    line: number, problem: "malformed line '\(line)': no key before '='", hint: "expected 'key = value'"
                ))
            return
        }
        switch parseValue(line[line.index(after: equals)...]) {
        case .success(let value):
            let entry = IniDocument.Entry(key: String(key), value: value, line: number)
            if document.sections.isEmpty {
                document.entriesOutsideSections.append(entry)
            } else {
                document.sections[document.sections.count - 1].entries.append(entry)
            }
        case .failure(let failure):
            document.errors.append(.init(line: number, problem: failure.problem, hint: failure.hint))
        }
    }

    private static func parseHeader(_ line: Substring, number: Int, into document: inout IniDocument) {
        guard let close = line.firstIndex(of: "]") else {
            document.errors.append(
                .init(
                    line: number, problem: "unterminated section header '\(line)'", hint: "close it with ']'"))
            document.sections.append(.init(name: String(line), line: number, isValid: false))
            return
        }
        let rest = line[line.index(after: close)...].trimmingWhitespace()
        guard rest.isEmpty || rest.first == ";" || rest.first == "#" else {
            document.errors.append(
                .init(
                    line: number, problem: "unexpected text '\(rest)' after section header",
                    hint: "a header is alone on its line, like [pool]"))
            document.sections.append(.init(name: String(line), line: number, isValid: false))
            return
        }
        let name = line[line.index(after: line.startIndex)..<close].trimmingWhitespace()
        document.sections.append(.init(name: String(name), line: number))
    }

    private struct ValueFailure: Error {
        let problem: String
        let hint: String?
    }

    /// The value after `=`: quoted, or plain up to an inline comment, without surrounding whitespace.
    private static func parseValue(_ raw: Substring) -> Result<String, ValueFailure> {
        let value = raw.drop(while: \.isWhitespace)
        if value.first == "\"" {
            return parseQuoted(value.dropFirst())
        }
        var end = value.endIndex
        var previous: Character = " "
        for index in value.indices {
            let character = value[index]
            if character == ";" || character == "#", previous.isWhitespace {
                end = index
                break
            }
            previous = character
        }
        return .success(String(value[..<end].trimmingWhitespace()))
    }

    /// A quoted value, starting after the opening quote.
    private static func parseQuoted(_ text: Substring) -> Result<String, ValueFailure> {
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if character == "\"" {
                let rest = text[index...].trimmingWhitespace()
                guard rest.isEmpty || rest.first == ";" || rest.first == "#" else {
                    return .failure(
                        ValueFailure(
                            problem: "unexpected text '\(rest)' after the closing quote",
                            hint: "put the whole value inside the quotes"))
                }
                return .success(output)
            }
            if character == "\\", index < text.endIndex, text[index] == "\"" || text[index] == "\\" {
                output.append(text[index])
                index = text.index(after: index)
                continue
            }
            output.append(character)
        }
        return .failure(ValueFailure(problem: "unterminated quoted value", hint: "add the closing '\"'"))
    }
}

extension Substring {
    /// The substring without leading and trailing whitespace.
    func trimmingWhitespace() -> Substring {
        let start = drop(while: \.isWhitespace)
        var end = start.endIndex
        while end > start.startIndex {
            let before = start.index(before: end)
            guard start[before].isWhitespace else { break }
            end = before
        }
        return start[..<end]
    }
}
