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
        // Plain text is read scalar by scalar: there every Character is one scalar, at the same position.
        if PlainText.withBytes(page, PlainText.isPlain), let lines = PlainText.lines(page) {
            return readingOrder(lines.map { $0.unicodeScalars.map(LayoutScalar.init) })
        }
        return readingOrder(page.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) })
    }

    static func readingOrder<Cell: LayoutCell>(_ lines: [[Cell]]) -> String {
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
    static func gutter<Cell: LayoutCell>(in lines: [[Cell]]) -> Range<Int>? {
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
    static func split<Cell: LayoutCell>(_ line: [Cell], at gutter: Range<Int>) -> Range<Int>? {
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
    static func spaceRuns<Cell: LayoutCell>(
        in line: [Cell], from low: Int, to high: Int, atLeast minimum: Int
    ) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = low
        while index < high {
            guard line[index].isSpace else {
                index += 1
                continue
            }
            var stop = index
            while stop < line.count, line[stop].isSpace { stop += 1 }
            if stop - index >= minimum { runs.append(index..<stop) }
            index = stop
        }
        return runs
    }

    /// How far from the gutter a gap may be and still divide the columns.
    static let nearGutter = 8

    /// A line that crosses the gutter, cut where it has a wide gap: the parts of a running header ("Boletín Nº 12
    /// … Pág 9") become lines of their own, a centred title stays whole.
    static func pieces<Cell: LayoutCell>(_ line: [Cell]) -> [String] {
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
    static func collapse<Cell: LayoutCell>(_ characters: ArraySlice<Cell>) -> String {
        Cell.collapse(characters)
    }
}

extension LayoutCell {
    /// `ColumnLayout.collapse`, Character by Character.
    static func collapse(_ characters: ArraySlice<Self>) -> String {
        var result = ""
        var pendingSpace = false
        for character in characters {
            if character.isSpace || character.isTab {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            character.append(to: &result)
        }
        return result
    }
}

/// One character position of a line laid out by `pdftotext -layout`: a Character, or a scalar of plain text.
protocol LayoutCell {
    var isWhitespace: Bool { get }
    var isSpace: Bool { get }
    var isTab: Bool { get }
    func append(to text: inout String)
    /// Trimmed, with runs of spaces and tabs as one space.
    static func collapse(_ characters: ArraySlice<Self>) -> String
}

extension Character: LayoutCell {
    var isSpace: Bool { self == " " }
    var isTab: Bool { self == "\t" }
    func append(to text: inout String) { text.append(self) }
}

/// A scalar of plain text (`PlainText`), which is a whole Character there.
struct LayoutScalar: LayoutCell {
    let scalar: Unicode.Scalar

    init(_ scalar: Unicode.Scalar) {
        self.scalar = scalar
    }

    /// Plain text's whitespace: ASCII 9–13 and 32, U+0085, U+00A0.
    var isWhitespace: Bool {
        let value = scalar.value
        return value == 0x20 || (value >= 0x09 && value <= 0x0D) || value == 0x85 || value == 0xA0
    }
    var isSpace: Bool { scalar.value == 0x20 }
    var isTab: Bool { scalar.value == 0x09 }
    func append(to text: inout String) { text.unicodeScalars.append(scalar) }

    /// `ColumnLayout.collapse`, written as UTF-8 (a plain scalar takes at most 3 bytes).
    static func collapse(_ characters: ArraySlice<LayoutScalar>) -> String {
        PlainText.string(capacity: characters.count * 3) { out in
            var written = 0
            var pendingSpace = false
            for cell in characters {
                let value = cell.scalar.value
                if value == 0x20 || value == 0x09 {
                    pendingSpace = written > 0
                    continue
                }
                if pendingSpace {
                    out[written] = 0x20
                    written += 1
                    pendingSpace = false
                }
                if value < 0x80 {
                    out[written] = UInt8(value)
                    written += 1
                } else if value < 0x800 {
                    out[written] = UInt8(0xC0 | value >> 6)
                    out[written + 1] = UInt8(0x80 | value & 0x3F)
                    written += 2
                } else {
                    out[written] = UInt8(0xE0 | value >> 12)
                    out[written + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    out[written + 2] = UInt8(0x80 | value & 0x3F)
                    written += 3
                }
            }
            return written
        }
    }
}
