/// Builds a hit's snippet for both stores, as SQLite's FTS5 `snippet(chunk_index, 1, …, '…', 32)` did before
/// the stores shared it: the same window, cut and marks, computed from the chunk's text and the query's phrases
/// with the index's own tokens (`IndexTerms`), so a marked word is one the index matched.
///
/// FTS5's rules: every phrase occurrence in the text scores the 32-token window starting there (1000 per
/// phrase not yet seen in it, 1 per repeat) and the window is then centred on the occurrences it holds; the
/// start of the sentence before an occurrence (a token after '.' or ':' and white space) competes too, with a
/// bonus of 100 (120 for the text's start). Overlapping occurrences are marked as one; one cut by the
/// window's start is not marked. "…" stands where the text was cut. `SnippetHTML` escapes the result.
public struct SnippetBuilder {
    /// One query atom's terms in order; the last one may be a prefix.
    public struct Phrase: Sendable {
        public let terms: [String]
        public let lastIsPrefix: Bool

        public init(terms: [String], lastIsPrefix: Bool) {
            self.terms = terms
            self.lastIsPrefix = lastIsPrefix
        }
    }

    /// Tokens in a snippet, as FTS5's `snippet(…, 32)`.
    public static let windowTokens = 32

    public let phrases: [Phrase]
    public let terms: IndexTerms

    public init(phrases: [Phrase], terms: IndexTerms) {
        self.phrases = phrases
        self.terms = terms
    }

    /// The snippet of `text` as HTML.
    public func html(_ text: String) -> String {
        SnippetHTML.render(marked(text, tokens: terms.tokens(text)))
    }

    /// One occurrence of a phrase: its index in `phrases`, its first token and its length in tokens.
    private struct Occurrence {
        let phrase: Int
        let start: Int
        let length: Int
    }

    /// The snippet with \u{1} and \u{2} around the marked words. The walk over the window's tokens is FTS5's
    /// highlighter: a mark opens at an occurrence's first token and closes before the next token that is not
    /// part of it, or at the window's end.
    public func marked(_ text: String, tokens: [IndexTerms.Token]) -> String {
        var steps = 0
        return marked(text, tokens: tokens, steps: &steps)
    }

    /// `marked(_:tokens:)`, adding its inner-loop steps to `steps` (tests check that they grow linearly).
    func marked(_ text: String, tokens: [IndexTerms.Token], steps: inout Int) -> String {
        let occurrences = self.occurrences(tokens, steps: &steps)
        let bytes = Array(text.utf8)
        // Sentence starts only compete when the text is longer than the window.
        let sentences = tokens.count > Self.windowTokens ? sentenceStarts(bytes, tokens, steps: &steps) : []
        let start = windowStart(occurrences, sentences: sentences, count: tokens.count, steps: &steps)
        let end = start + Self.windowTokens - 1  // last token of the window, maybe past the text
        var output: [UInt8] = []
        output.reserveCapacity(min(bytes.count, 512))
        if start > 0 { output += Self.ellipsis }
        var copied = 0
        var isOpen = false
        var groups = coalesced(occurrences, steps: &steps).drop { $0.lowerBound < start }
        for position in start..<min(end + 1, tokens.count) {
            steps += 1
            let token = tokens[position].range
            if start > 0 && position == start { copied = token.lowerBound }
            let group = groups.first
            if isOpen && (group.map { position <= $0.lowerBound } ?? true) && token.lowerBound > copied {
                output.append(2)
                isOpen = false
            }
            if let group, position == group.lowerBound, !isOpen {
                output += bytes[copied..<token.lowerBound]
                output.append(1)
                copied = token.lowerBound
                isOpen = true
            }
            if let group, position == group.upperBound - 1 {
                if !isOpen {
                    output.append(1)
                    isOpen = true
                }
                output += bytes[copied..<token.upperBound]
                copied = token.upperBound
                groups = groups.dropFirst()
            }
            if position == end {
                if isOpen {
                    if let next = groups.first, position >= next.lowerBound {
                        output += bytes[copied..<token.upperBound]
                        copied = token.upperBound
                    }
                    output.append(2)
                    isOpen = false
                }
                output += bytes[copied..<max(copied, token.upperBound)]
                copied = max(copied, token.upperBound)
            }
        }
        if isOpen { output.append(2) }
        if end >= tokens.count - 1 {
            output += bytes[copied...]
        } else {
            output += Self.ellipsis
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let ellipsis = Array("…".utf8)

    /// Every phrase occurrence, by first token, then by phrase (FTS5's instance order).
    private func occurrences(_ tokens: [IndexTerms.Token], steps: inout Int) -> [Occurrence] {
        var found: [Occurrence] = []
        for (index, phrase) in phrases.enumerated() where !phrase.terms.isEmpty {
            let length = phrase.terms.count
            guard tokens.count >= length else { continue }
            for start in 0...(tokens.count - length) {
                steps += 1
                let isMatch = phrase.terms.indices.allSatisfy { offset in
                    let token = tokens[start + offset]
                    let term = phrase.terms[offset]
                    if phrase.lastIsPrefix && offset == length - 1 {
                        return token.folded.hasPrefix(term) || token.stem.hasPrefix(term)
                    }
                    return token.stem == term || token.folded == term
                }
                if isMatch { found.append(Occurrence(phrase: index, start: start, length: length)) }
            }
        }
        return found.sorted { ($0.start, $0.phrase) < ($1.start, $1.phrase) }
    }

    /// Tokens that start a sentence: the first, and each after '.' or ':' and at least one white space.
    private func sentenceStarts(_ bytes: [UInt8], _ tokens: [IndexTerms.Token], steps: inout Int) -> [Int] {
        var starts: [Int] = []
        for (position, token) in tokens.enumerated() {
            steps += 1
            guard position > 0 else {
                starts.append(0)
                continue
            }
            var index = token.range.lowerBound - 1
            while index >= 0 && Self.isSpace(bytes[index]) {
                steps += 1
                index -= 1
            }
            if index != token.range.lowerBound - 1 && index >= 0 && (bytes[index] == 0x2E || bytes[index] == 0x3A) {
                starts.append(position)
            }
        }
        return starts
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The first token of the best-scoring window (see the type's comment); 0 without occurrences. `occurrences`
    /// are sorted by start, so each window's are found by a binary search and the sentence before each occurrence
    /// by a cursor that only moves forward: linear in the occurrences, however many repeat.
    private func windowStart(_ occurrences: [Occurrence], sentences: [Int], count: Int, steps: inout Int) -> Int {
        let size = Self.windowTokens
        var best = (score: 0, start: 0)
        var sentenceIndex = -1  // the last sentence start at or before the current occurrence
        for occurrence in occurrences {
            steps += 1
            let (score, first, last) = self.score(occurrences, from: occurrence.start, steps: &steps)
            if score > best.score {
                let centred = first - (size - (last - first)) / 2
                best = (score, max(0, min(centred, count - size)))
            }
            while sentenceIndex + 1 < sentences.count && sentences[sentenceIndex + 1] <= occurrence.start {
                steps += 1
                sentenceIndex += 1
            }
            guard count > size, sentenceIndex >= 0, sentences[sentenceIndex] < occurrence.start else { continue }
            let sentence = sentences[sentenceIndex]
            let bonus = self.score(occurrences, from: sentence, steps: &steps).score + (sentence == 0 ? 120 : 100)
            if bonus > best.score { best = (bonus, sentence) }
        }
        return best.start
    }

    /// The score of the window starting at `start`, its first occurrence's token and its last occurrence's end.
    private func score(
        _ occurrences: [Occurrence], from start: Int, steps: inout Int
    ) -> (score: Int, first: Int, last: Int) {
        // The first occurrence at or after `start`.
        var low = 0
        var high = occurrences.count
        while low < high {
            steps += 1
            let middle = (low + high) / 2
            if occurrences[middle].start < start { low = middle + 1 } else { high = middle }
        }
        var seen = Set<Int>()
        var score = 0
        var first = -1
        var last = 0
        for occurrence in occurrences[low...] {
            guard occurrence.start < start + Self.windowTokens else { break }
            steps += 1
            score += seen.insert(occurrence.phrase).inserted ? 1000 : 1
            if first < 0 { first = occurrence.start }
            last = occurrence.start + occurrence.length
        }
        return (score, first, last)
    }

    /// Overlapping occurrences as one range of tokens, in text order.
    private func coalesced(_ occurrences: [Occurrence], steps: inout Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for occurrence in occurrences {
            steps += 1
            let range = occurrence.start..<(occurrence.start + occurrence.length)
            if let last = result.last, range.lowerBound < last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
