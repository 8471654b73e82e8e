/// Finds the page number printed in each page's running header or footer.
///
/// Candidates come from the first and last three non-empty lines of each page: a number standing at the start or
/// end of a line ("13", "- 13 -", "Pág 12    La Gaceta Nº 129 — …", "… del 2024    13") or after "Pág"/"Página".
/// Numbers inside dates, after "Nº"/"Artículo"/"Ley", or glued to other digits ("13-2013", "12/11") are ignored.
/// The offset (printed − index) that most pages agree on wins; a page is numbered only when one of its
/// candidates fits that offset, so a stray "2024" or a list item never becomes a page number.
public enum PrintedPageDetector {
    /// Lines looked at from each end of a page.
    static let edgeLines = 3
    /// Least pages that must agree on an offset (unless the document has a single page).
    static let minimumAgreement = 2

    /// The printed number for each page (nil where none fits), one entry per input page.
    public static func detect(_ pages: [String]) -> [String?] {
        let candidates = pages.map { page in
            edges(of: page).flatMap { PageNumberCandidates.find(in: $0) }
        }
        let single = pages.count == 1
        var votes: [Int: Int] = [:]
        for (position, pageCandidates) in candidates.enumerated() {
            let offsets = Set(pageCandidates.filter { !single || !$0.isYear }.map { $0.value - (position + 1) })
            for offset in offsets { votes[offset, default: 0] += 1 }
        }
        let best = votes.max { lhs, rhs in
            if lhs.value != rhs.value { return lhs.value < rhs.value }
            if abs(lhs.key) != abs(rhs.key) { return abs(lhs.key) > abs(rhs.key) }
            return lhs.key > rhs.key
        }
        guard let best, best.value >= minimumAgreement || single else {
            return Array(repeating: nil, count: pages.count)
        }
        return candidates.enumerated().map { position, pageCandidates in
            let expected = position + 1 + best.key
            let fits = pageCandidates.contains { $0.value == expected && (!single || !$0.isYear) }
            return fits ? String(expected) : nil
        }
    }

    /// The first and last `edgeLines` non-empty lines of a page (each line once).
    static func edges(of page: String) -> [Substring] {
        var lines: [Substring] = []
        for line in PlainText.lines(page) ?? page.split(separator: "\n") {
            let trimmed = line.drop(while: \.isWhitespace)
            if !trimmed.isEmpty { lines.append(trimmed) }
        }
        if lines.count <= edgeLines * 2 { return lines }
        return Array(lines.prefix(edgeLines) + lines.suffix(edgeLines))
    }
}
