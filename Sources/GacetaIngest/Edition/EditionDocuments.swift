import GacetaCore
import GacetaText

/// A gazette edition's notices as documents to store: each notice's own part of each PDF page (so a chunk never
/// crosses a page or a notice), its facts, and a key that survives a re-split.
public enum EditionDocuments {
    /// The edition ready to store, and what the ingest line should say about it (the masthead's date over
    /// `--date`, a file without notice boundaries).
    public static func make(
        path: String, sha: String, masthead: Masthead, reading: EditionReading, fallbackDate: String?,
        sourceURL: String? = nil, ocrPages: Set<Int> = []
    ) -> (edition: IngestEdition, notes: [String]) {
        var notes: [String] = []
        if let fallbackDate, SpanishDate(iso: fallbackDate)?.iso != masthead.date {
            notes.append("the masthead's date \(masthead.date) wins over --date \(fallbackDate)")
        }
        let edition = IngestDocument.NewEdition(
            date: masthead.date, number: masthead.number, sourceURL: sourceURL, sha256: sha,
            publication: masthead.publication, kind: masthead.kind == .alcance ? .alcance : .regular,
            alcanceNumber: masthead.alcanceNumber, pages: reading.pages.count)
        let printed = reading.pages.map(\.printedNumber)
        var notices = reading.split.flatMap { $0.foundBoundaries ? $0.notices : nil } ?? []
        if notices.isEmpty {
            notes.append("no notice boundary found: stored as one document")
            notices = [
                Notice(
                    index: 1, title: masthead.title, type: .otro,
                    parts: reading.pages.map { Notice.Part(page: $0.index, text: $0.text) })
            ]
        }
        let chunker = Chunker()
        var usedKeys: Set<String> = []
        let documents = notices.map { notice -> IngestDocument in
            let key = Self.key(notice, masthead: masthead, used: &usedKeys)
            let pages = carryingSentences(mergedParts(notice.parts)).map { part in
                IngestDocument.NewPage(
                    index: part.page, printedNumber: printedNumber(printed, part.page),
                    text: chunker.normalizedText(of: part.text), chunks: chunker.chunks(of: part.text),
                    ocr: ocrPages.contains(part.page))
            }
            return IngestDocument(
                sourcePath: IngestEdition.noticePath(path, index: notice.index), sourceSHA256: sha, edition: edition,
                title: notice.title, section: notice.section, type: notice.type.rawValue,
                identifier: notice.identifier, pages: pages,
                notice: NoticeFacts(
                    institution: notice.institution, publicationCode: notice.publicationCode,
                    firstPage: notice.firstPage, lastPage: notice.lastPage,
                    firstPrintedPage: printedNumber(printed, notice.firstPage),
                    lastPrintedPage: printedNumber(printed, notice.lastPage), index: notice.index, key: key,
                    publication: masthead.publication))
        }
        return (IngestEdition(sourcePath: path, sourceSHA256: sha, edition: edition, notices: documents), notes)
    }

    /// The publication code when no other notice of the edition has it, else the edition's date, number (and
    /// Alcance number) and the notice's position: `2024-07-15-129-3`, `2024-07-15-129-a78-2`.
    static func key(_ notice: Notice, masthead: Masthead, used: inout Set<String>) -> String {
        if let code = notice.publicationCode, !used.contains(code) {
            used.insert(code)
            return code
        }
        var parts = [masthead.date, masthead.number ?? "0"]
        if masthead.kind == .alcance { parts.append("a\(masthead.alcanceNumber ?? 0)") }
        parts.append(String(notice.index))
        let key = parts.joined(separator: "-")
        used.insert(key)
        return key
    }

    /// One part per page (two parts of a notice on one page are joined in order).
    static func mergedParts(_ parts: [Notice.Part]) -> [Notice.Part] {
        var merged: [Notice.Part] = []
        for part in parts {
            if let last = merged.last, last.page == part.page {
                merged[merged.count - 1].text += "\n" + part.text
            } else {
                merged.append(part)
            }
        }
        return merged
    }

    /// Longest end of a sentence carried back over a page break, in characters.
    static let longestCarry = 600

    /// A sentence that runs over a page break is kept whole on the page where it starts (so that a phrase query
    /// on it finds one chunk): the next page's words up to the end of that sentence move back, as a new line.
    /// Only prose runs on: a page that ends in a heading («CONVOCATORIAS», an institution's name in capitals)
    /// keeps it alone, and a next page that opens with one keeps its first sentence (else that sentence, printed
    /// on the next page, would be stored and cited as the heading's page).
    static func carryingSentences(_ parts: [Notice.Part]) -> [Notice.Part] {
        var parts = parts
        for index in parts.indices.dropLast() {
            let ending = parts[index].text.trimmed
            guard let last = ending.last, !".!?:;)»\"".contains(last) else { continue }
            let next = parts[index + 1].text
            guard isProse(ending.split(separator: "\n").last), isProse(next.trimmed.split(separator: "\n").first)
            else { continue }
            guard let end = sentenceEnd(in: next) else { continue }
            let carried = String(next[..<end]).trimmed
            guard !carried.isEmpty else { continue }
            parts[index].text = ending + "\n" + carried
            parts[index + 1].text = String(next[end...]).trimmed
        }
        return parts
    }

    /// Whether a line reads as running text rather than a heading: it holds a lower-case letter.
    static func isProse(_ line: Substring?) -> Bool {
        line?.contains(where: \.isLowercase) ?? false
    }

    /// Just past the first sentence end (`.`, `!`, `?`, `;`, `:` before a space or the end, or a blank line) of
    /// `text` within `longestCarry` characters; nil when there is none.
    static func sentenceEnd(in text: String) -> String.Index? {
        var index = text.startIndex
        var count = 0
        while index < text.endIndex, count < longestCarry {
            let character = text[index]
            let after = text.index(after: index)
            if ".!?;:".contains(character), after == text.endIndex || text[after].isWhitespace { return after }
            if character == "\n", after < text.endIndex, text[after] == "\n" { return index }
            index = after
            count += 1
        }
        return nil
    }

    private static func printedNumber(_ printed: [String?], _ page: Int) -> String? {
        printed.indices.contains(page - 1) ? printed[page - 1] : nil
    }
}
