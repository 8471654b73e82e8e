import GacetaText
/// The body of a Markdown file (after front matter), split into pages at `## Page N` / `## Página N` markers.
struct MarkdownBody {
    struct Page: Equatable {
        var printedNumber: String?
        var text: String
    }

    /// Pages in order; without markers, the whole body as one page without a printed number.
    var pages: [Page]
    /// The text of level 1 and 2 headings other than page markers, in order, with their level.
    var headings: [(level: Int, text: String)]

    init(_ body: Substring) {
        var pages: [Page] = []
        var headings: [(level: Int, text: String)] = []
        var current: [Substring] = []
        var currentNumber: String?
        var inFence = false
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = FrontMatter.trimTrailing(rawLine)
            let content = line.drop(while: { $0 == " " })
            if content.hasPrefix("```") || content.hasPrefix("~~~") {
                inFence.toggle()
                current.append(line)
                continue
            }
            if !inFence, let number = MarkdownBody.pageMarker(line) {
                let text = TextCleanup.clean(current.joined(separator: "\n"))
                if !pages.isEmpty || currentNumber != nil {
                    pages.append(Page(printedNumber: currentNumber, text: text))
                    current = []
                }
                // Text before the first marker stays in `current` and opens page 1.
                currentNumber = number
                continue
            }
            if !inFence, line.count - content.count <= 3, let (level, text) = MarkdownBody.heading(content) {
                if level <= 2, !text.isEmpty { headings.append((level, String(text))) }
                current.append(text)
                continue
            }
            current.append(line)
        }
        pages.append(Page(printedNumber: currentNumber, text: TextCleanup.clean(current.joined(separator: "\n"))))
        self.pages = pages
        self.headings = headings
    }

    /// "N" for a `## Page N` or `## Página N` line (any case, accents optional).
    static func pageMarker(_ line: Substring) -> String? {
        guard line.hasPrefix("## ") else { return nil }
        let words = line.dropFirst(3).split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2, ["page", "pagina"].contains(TextFolding.fold(String(words[0]))),
            words[1].allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(words[1])
        else { return nil }
        return String(number)
    }

    /// The level and text of an ATX heading ("## Título ##" → (2, "Título")).
    static func heading(_ line: Substring) -> (Int, Substring)? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = FrontMatter.trimTrailing(rest.drop(while: { $0 == " " || $0 == "\t" }))
        let closing = text.reversed().prefix(while: { $0 == "#" }).count
        if closing > 0, closing == text.count || text.dropLast(closing).last == " " {
            text = FrontMatter.trimTrailing(text.dropLast(closing))
        }
        return (hashes, text)
    }
}
