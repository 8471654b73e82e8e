/// Puts a page printed in two columns back in reading order, from poppler's physical layout
/// (`pdftotext -layout`): the columns are found at the gutter, a run of blank character positions near the
/// middle that most lines leave empty; lines that cross it (a centred title, a table) stay whole, and between them
/// the left column is read before the right one. A page without a gutter keeps its lines in order. Parts of a line
/// printed far apart (a running header's title and page number) become lines of their own; other runs of spaces
/// (justification) become one space.
public enum ColumnLayout {
    /// Least blank positions between two columns.
    static let gutterWidth = 2
    /// Share of lines that may cross the gutter (full-width titles, tables).
    static let crossingShare = 0.15
    /// Share of lines that must have text on both sides of the gutter.
    static let twoSidedShare = 0.3

    public static func readingOrder(_ page: String) -> String {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        guard let gutter = gutter(in: lines) else {
            return lines.map { pieces($0).joined(separator: "\n") }.joined(separator: "\n")
        }
        var output: [String] = []
        var left: [String] = []
        var right: [String] = []
        func flush() {
            while let last = left.last, last.isEmpty { left.removeLast() }
            while let first = right.first, first.isEmpty { right.removeFirst() }
            output.append(contentsOf: left)
            if !left.isEmpty && !right.isEmpty { output.append("") }
            output.append(contentsOf: right)
            left = []
            right = []
        }
        for line in lines {
            guard let cut = split(line, at: gutter) else {
                flush()
                output.append(contentsOf: pieces(line))
                continue
            }
            let leftParts = pieces(Array(line[..<min(line.count, cut.lowerBound)]))
            let rightParts = line.count > cut.upperBound ? pieces(Array(line[cut.upperBound...])) : []
            if leftParts.isEmpty && rightParts.isEmpty {
                left.append("")
                right.append("")
                continue
            }
            left.append(contentsOf: leftParts)
            right.append(contentsOf: rightParts)
        }
        flush()
        return output.joined(separator: "\n")
    }

    /// The blank positions between the columns, or nil for a page in one column.
    static func gutter(in lines: [[Character]]) -> Range<Int>? {
        let textLines = lines.filter { $0.contains { !$0.isWhitespace } }
        guard textLines.count >= 6, let width = textLines.map(\.count).max(), width >= 40 else { return nil }
        var ink = [Int](repeating: 0, count: width)
        for line in textLines {
            for (position, character) in line.enumerated() where !character.isWhitespace { ink[position] += 1 }
        }
        let allowed = Int(Double(textLines.count) * crossingShare)
        var best: (range: Range<Int>, ink: Int)?
        var start = width * 3 / 10
        let end = width * 7 / 10
        while start < end {
            guard ink[start] <= allowed else {
                start += 1
                continue
            }
            var stop = start
            while stop < width, ink[stop] <= allowed { stop += 1 }
            if stop - start >= gutterWidth {
                let total = ink[start..<stop].max() ?? 0
                if best == nil || total < best?.ink ?? 0 { best = (start..<stop, total) }
            }
            start = stop + 1
        }
        guard var range = best?.range else { return nil }
        // The columns' own edges: trim positions some lines still use.
        while range.count > gutterWidth, ink[range.lowerBound] > 0 { range = (range.lowerBound + 1)..<range.upperBound }
        while range.count > gutterWidth, ink[range.upperBound - 1] > 0 {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        let twoSided = textLines.filter { line in
            line.prefix(range.lowerBound).contains { !$0.isWhitespace }
                && line.count > range.upperBound && line[range.upperBound...].contains { !$0.isWhitespace }
        }.count
        guard Double(twoSided) >= Double(textLines.count) * twoSidedShare else { return nil }
        return range
    }

    /// Where a line divides into its two columns: the gutter, or a gap of 2 spaces near it (a long line of the left
    /// column may reach into the gutter); nil for a line that crosses it (a centred title).
    static func split(_ line: [Character], at gutter: Range<Int>) -> Range<Int>? {
        guard line.count > gutter.lowerBound,
            line[gutter.lowerBound..<min(line.count, gutter.upperBound)].contains(where: { !$0.isWhitespace })
        else { return gutter }
        let low = max(0, gutter.lowerBound - nearGutter)
        let high = min(line.count, gutter.upperBound + nearGutter)
        let middle = (gutter.lowerBound + gutter.upperBound) / 2
        return spaceRuns(in: line, from: low, to: high, atLeast: gutterWidth).min { lhs, rhs in
            abs((lhs.lowerBound + lhs.upperBound) / 2 - middle) < abs((rhs.lowerBound + rhs.upperBound) / 2 - middle)
        }
    }

    /// The runs of at least `minimum` spaces starting between `low` and `high`.
    static func spaceRuns(in line: [Character], from low: Int, to high: Int, atLeast minimum: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = low
        while index < high {
            guard line[index] == " " else {
                index += 1
                continue
            }
            var stop = index
            while stop < line.count, line[stop] == " " { stop += 1 }
            if stop - index >= minimum { runs.append(index..<stop) }
            index = stop
        }
        return runs
    }

    /// How far from the gutter a gap may be and still divide the columns.
    static let nearGutter = 8

    /// A line that crosses the gutter, cut where it has a wide gap: the parts of a running header ("Boletín Nº 12
    /// … Pág 9") become lines of their own, a centred title stays whole.
    static func pieces(_ line: [Character]) -> [String] {
        var result: [String] = []
        var start = 0
        for run in spaceRuns(in: line, from: 0, to: line.count, atLeast: wideGap) {
            let piece = collapse(line[start..<run.lowerBound])
            if !piece.isEmpty { result.append(piece) }
            start = run.upperBound
        }
        let piece = collapse(line[min(start, line.count)...])
        if !piece.isEmpty { result.append(piece) }
        return result
    }

    /// Spaces that separate the parts of a line printed apart.
    static let wideGap = 4

    /// Trimmed, with runs of spaces as one.
    static func collapse(_ characters: ArraySlice<Character>) -> String {
        var result = ""
        var pendingSpace = false
        for character in characters {
            if character == " " || character == "\t" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }
}
