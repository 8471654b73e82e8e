/// The close of a notice: its signature block — at most `maximumLines` short lines ("RODRIGO CHAVES ROBLES.—La
/// Ministra de Economía, Laura Pacheco Oreamuno.—") — and its closing marks ("1 vez.—O. C. N° 4600085479.—Solicitud
/// N° 519417.—( IN2024862101 )", "C-86850.- (76748)"). Answers never quote them (issue 13 §3).
///
/// Chunks hold normalised text: a signature's lines are joined by the gazette's ".—" (or ".-"), or stand as short
/// paragraphs of their own. A line is a piece of a sentence between those separators; a signature line is short
/// (`maximumLineLength` characters) and ends at a separator or a paragraph's end, never at a plain full stop, so
/// "Artículo 3°—Rige a partir de su publicación." before a signature stays quotable.
public enum SignatureBlock {
    /// Most lines of one signature block.
    public static let maximumLines = 4
    /// Longest signature line, in characters.
    public static let maximumLineLength = 80

    /// The sentences of one passage (its paragraphs, each split into sentences, in order), each reduced to what
    /// is not a signature block nor closing marks: a verbatim substring of it, or nil when fewer than 4 words are
    /// left. The result is flat, one entry per sentence in order.
    public static func content(of paragraphs: [[String]]) -> [Substring?] {
        var segments: [Segment] = []
        var sentences: [String] = []
        for paragraph in paragraphs {
            for (index, sentence) in paragraph.enumerated() {
                segments += split(sentence, number: sentences.count, endsParagraph: index == paragraph.count - 1)
                sentences.append(sentence)
            }
        }
        var removed = Array(repeating: false, count: segments.count)
        var index = segments.count - 1
        while index >= 0 {
            guard segments[index].isClose else {
                index -= 1
                continue
            }
            var start = index
            while start > 0 && segments[start - 1].isClose { start -= 1 }
            for closing in start...index { removed[closing] = true }
            var line = start - 1
            var lines = 0
            while line >= 0 && lines < maximumLines && segments[line].isSignatureLine {
                removed[line] = true
                lines += 1
                line -= 1
            }
            index = line
        }
        return sentences.enumerated().map { number, sentence in
            let own = segments.indices.filter { segments[$0].sentence == number }
            guard own.contains(where: { removed[$0] }) else { return Substring(sentence) }
            // The longest run of the sentence's segments that stays.
            var best: Range<String.Index>?
            var run: Range<String.Index>?
            for segment in own {
                if removed[segment] {
                    run = nil
                    continue
                }
                let range = segments[segment].range
                run = run.map { $0.lowerBound..<range.upperBound } ?? range
                if let current = run, best.map({ sentence[current].count > sentence[$0].count }) ?? true {
                    best = current
                }
            }
            guard let best else { return nil }
            let kept = trimmed(sentence[best])
            return kept.split(whereSeparator: \.isWhitespace).count >= 4 ? kept : nil
        }
    }

    struct Segment {
        var sentence: Int
        var range: Range<String.Index>
        var isClose: Bool
        var isSignatureLine: Bool
    }

    /// The pieces of a sentence between ".—"/".-"/".–" separators and around publication codes "( IN… )".
    static func split(_ sentence: String, number: Int, endsParagraph: Bool) -> [Segment] {
        var pieces: [(range: Range<String.Index>, separated: Bool)] = []
        var start = sentence.startIndex
        var index = sentence.startIndex
        while index < sentence.endIndex {
            if let code = publicationCode(in: sentence, at: index) {
                if start < index { pieces.append((start..<index, true)) }
                pieces.append((index..<code, true))
                start = code
                index = code
                continue
            }
            let next = sentence.index(after: index)
            if sentence[index] == ".", next < sentence.endIndex, "—–-".contains(sentence[next]) {
                let end = sentence.index(after: next)
                pieces.append((start..<end, true))
                start = end
                index = end
                continue
            }
            index = next
        }
        if start < sentence.endIndex { pieces.append((start..<sentence.endIndex, endsParagraph)) }
        return pieces.compactMap { piece in
            let text = trimmed(sentence[piece.range])
            guard !text.isEmpty else { return nil }
            let close = isClosingMark(text)
            let line = !close && piece.separated && text.count <= maximumLineLength && text.contains(where: \.isLetter)
            return Segment(sentence: number, range: piece.range, isClose: close, isSignatureLine: line)
        }
    }

    /// The end of a publication code "( IN2024862101 )" (or "(IN2024862101)") starting at `index`, if one does.
    static func publicationCode(in text: String, at index: String.Index) -> String.Index? {
        guard text[index] == "(" else { return nil }
        var cursor = text.index(after: index)
        while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
        guard text[cursor...].hasPrefix("IN") else { return nil }
        cursor = text.index(cursor, offsetBy: 2)
        var digits = 0
        while cursor < text.endIndex, text[cursor].isASCII, text[cursor].isNumber {
            digits += 1
            cursor = text.index(after: cursor)
        }
        while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
        guard digits >= 6, cursor < text.endIndex, text[cursor] == ")" else { return nil }
        return text.index(after: cursor)
    }

    /// "1 vez", "3 veces", "( IN2024862101 )", "(76748)", "C-86850", "O. C. N° 4600085479", "Solicitud N° 519417".
    static func isClosingMark(_ text: Substring) -> Bool {
        var text = text
        while let last = text.last, last == "." || last.isWhitespace { text.removeLast() }
        let folded = TextFolding.fold(String(text))
        let words = folded.split(whereSeparator: { $0 == " " })
        if words.count == 2, words[0].allSatisfy(\.isNumber), words[1] == "vez" || words[1] == "veces" {
            return true
        }
        let bare = folded.filter { !"() ".contains($0) }
        if bare.hasPrefix("in"), bare.count >= 8, bare.dropFirst(2).allSatisfy(\.isNumber) { return true }
        if bare.count >= 3, bare.allSatisfy(\.isNumber), folded.hasPrefix("(") { return true }
        if bare.hasPrefix("c-"), bare.count > 3, bare.dropFirst(2).allSatisfy(\.isNumber) { return true }
        return bare.hasPrefix("o.c.n")
            || (words.first == "solicitud" && words.count <= 3 && bare.last?.isNumber == true)
    }

    /// Without surrounding whitespace and the separators' punctuation.
    static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first.isWhitespace || "—–-".contains(first) { text.removeFirst() }
        while let last = text.last, last.isWhitespace || "—–-".contains(last) { text.removeLast() }
        return text
    }
}
