/// Builds a hit's snippet the way SQLite's FTS5 `snippet(…, 32)` does: a window of at most 32 tokens placed
/// over the most distinct query phrases, each phrase occurrence wrapped in \u{1}…\u{2}, "…" where the text
/// was cut. Matching uses the index's terms (a token matches by stem or by folded form, a prefix by folded
/// start), so the marked words are those SQLite marks. `SnippetHTML` then escapes and renders it.
struct SnippetBuilder {
    /// One query atom's terms in order; the last one may be a prefix.
    struct Phrase {
        let terms: [String]
        let lastIsPrefix: Bool
    }

    /// Tokens in a snippet, like the SQLite store's `snippet(chunk_index, 1, …, 32)`.
    static let windowTokens = 32

    let phrases: [Phrase]

    func snippet(_ text: String, tokens: [PostgresTextSearch.Token]) -> String {
        let spans = matches(tokens)
        let count = tokens.count
        let (start, end) = window(spans: spans, count: count)
        guard start < end else { return String(text.prefix(200)) }
        let bytes = Array(text.utf8)
        var marked: [UInt8] = []
        if start > 0 { marked += Array("…".utf8) }
        var cursor = start == 0 ? 0 : tokens[start].range.lowerBound
        let stop = end == count ? bytes.count : tokens[end - 1].range.upperBound
        for span in merged(spans) where span.lowerBound >= start && span.upperBound <= end {
            let from = tokens[span.lowerBound].range.lowerBound
            let to = tokens[span.upperBound - 1].range.upperBound
            marked += bytes[cursor..<from]
            marked.append(1)
            marked += bytes[from..<to]
            marked.append(2)
            cursor = to
        }
        marked += bytes[cursor..<max(cursor, stop)]
        if end < count { marked += Array("…".utf8) }
        return String(decoding: marked, as: UTF8.self)
    }

    /// Token ranges of every phrase occurrence, with the phrase's index.
    private func matches(_ tokens: [PostgresTextSearch.Token]) -> [(phrase: Int, span: Range<Int>)] {
        var found: [(Int, Range<Int>)] = []
        for (index, phrase) in phrases.enumerated() where !phrase.terms.isEmpty {
            let length = phrase.terms.count
            guard tokens.count >= length else { continue }
            for start in 0...(tokens.count - length) {
                let isMatch = phrase.terms.indices.allSatisfy { offset in
                    let token = tokens[start + offset]
                    let term = phrase.terms[offset]
                    if phrase.lastIsPrefix && offset == length - 1 {
                        return token.folded.hasPrefix(term) || token.stem.hasPrefix(term)
                    }
                    return token.stem == term || token.folded == term
                }
                if isMatch { found.append((index, start..<(start + length))) }
            }
        }
        return found
    }

    /// The token window: the whole text when short, else the placement covering the most distinct phrases
    /// (then the most occurrences), centred on its matches and kept inside the text.
    private func window(spans: [(phrase: Int, span: Range<Int>)], count: Int) -> (Int, Int) {
        let size = Self.windowTokens
        guard count > size else { return (0, count) }
        var best = (score: -1, start: 0)
        for candidate in spans.map(\.span.lowerBound).sorted() {
            let inside = spans.filter { $0.span.lowerBound >= candidate && $0.span.upperBound <= candidate + size }
            let score = Set(inside.map(\.phrase)).count * 1000 + inside.count
            guard score > best.score, let last = inside.map(\.span.upperBound).max() else { continue }
            let centred = candidate - (size - (last - candidate)) / 2
            best = (score, min(max(0, centred), count - size))
        }
        return (best.start, best.start + size)
    }

    /// Overlapping occurrences become one marked span, in text order.
    private func merged(_ spans: [(phrase: Int, span: Range<Int>)]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for span in spans.map(\.span).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, span.lowerBound < last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                result.append(span)
            }
        }
        return result
    }
}
