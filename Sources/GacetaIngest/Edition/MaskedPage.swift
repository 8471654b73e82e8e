/// A page cut into lines, each line of text masked once (`PageFurniture.mask`): learning the furniture, finding
/// the printed page numbers and stripping the page all read the same masks.
struct MaskedPage {
    /// The page's lines (split on "\n", empty ones kept).
    let lines: [Substring]
    /// True for a line that is empty or only whitespace.
    let blank: [Bool]
    /// The masked form of each line ("" for a blank line).
    let masks: [String]

    init(_ page: String) {
        lines = PlainText.lines(page) ?? page.split(separator: "\n", omittingEmptySubsequences: false)
        // A line that starts with a printable ASCII character starts with a Character that is not whitespace.
        blank = lines.map { line in
            guard let first = line.utf8.first else { return true }
            return (first <= 0x20 || first >= 0x7F) && line.allSatisfy(\.isWhitespace)
        }
        var masks: [String] = []
        masks.reserveCapacity(lines.count)
        for (line, blank) in zip(lines, blank) { masks.append(blank ? "" : PageFurniture.mask(line)) }
        self.masks = masks
    }

    /// The positions of the lines of text.
    var content: [Int] { lines.indices.filter { !blank[$0] } }
}
