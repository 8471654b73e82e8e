/// Splits ONE page's text into chunks of about `targetSize` characters (Unicode scalars), cutting at paragraph
/// boundaries (blank line) when possible, else at sentence boundaries (`SentenceSplitter`), else at whitespace.
///
/// Consecutive chunks overlap: each chunk after the first starts with about `overlap` characters taken from the
/// end of the previous chunk (whole sentences when they give at least half of that, else whole words).
/// Whitespace is normalised: runs of spaces become one, hyphenated line breaks are joined
/// ("admi-\nnistración" → "administración"), single newlines inside a paragraph become spaces and paragraphs
/// are separated by a blank line ("\n\n"). No chunk is empty or longer than `targetSize`; chunks other than the
/// last are at least about half of it. Short pages give one chunk, blank pages none.
public struct Chunker: Sendable {
    /// Largest chunk, in Unicode scalars (at least 16).
    public let targetSize: Int
    /// Characters carried over from one chunk into the next (at most half of `targetSize`).
    public let overlap: Int

    /// Creates a chunker; `targetSize` is raised to 16 and `overlap` is clamped to `0...targetSize / 2`.
    public init(targetSize: Int = 1000, overlap: Int = 150) {
        self.targetSize = max(targetSize, 16)
        self.overlap = min(max(overlap, 0), self.targetSize / 2)
    }

    /// The page's text normalised exactly as its chunks are (paragraphs separated by a blank line), so that any
    /// sentence of a chunk is a verbatim substring of it: stored as the page text, it makes quotes checkable.
    public func normalizedText(of pageText: String) -> String {
        let page = NormalizedPage(pageText)
        return page.paragraphs.map { String(decoding: page.bytes[$0], as: UTF8.self) }.joined(separator: "\n\n")
    }

    /// The chunks of `pageText`, in order.
    public func chunks(of pageText: String) -> [String] {
        let page = NormalizedPage(pageText)
        let pieces = ChunkPiece.pieces(of: page)
        var builder = ChunkBuilder(overlap: overlap)
        for original in pieces {
            var piece = original
            while true {
                let separator = builder.separatorLength(paragraphStart: piece.paragraphStart)
                let needed = builder.scalars + separator
                if needed + piece.scalars <= targetSize {
                    let half = builder.hasNewContent && builder.scalars * 2 >= targetSize
                    if piece.paragraphStart && half && needed + piece.paragraphScalars > targetSize {
                        builder.cut()
                        continue
                    }
                    builder.append(
                        page.bytes[piece.range], scalars: piece.scalars, paragraphStart: piece.paragraphStart)
                    break
                }
                if builder.hasNewContent && builder.scalars * 2 >= targetSize {
                    builder.cut()
                    continue
                }
                let budget = targetSize - needed
                if let (head, tail) = piece.split(in: page.bytes, maxScalars: budget, hard: !builder.hasNewContent) {
                    builder.append(page.bytes[head.range], scalars: head.scalars, paragraphStart: head.paragraphStart)
                    builder.cut()
                    piece = tail
                    continue
                }
                guard builder.hasNewContent else {
                    // Unreachable with a positive budget; appending keeps the loop finite regardless.
                    builder.append(
                        page.bytes[piece.range], scalars: piece.scalars, paragraphStart: piece.paragraphStart)
                    break
                }
                builder.cut()
            }
        }
        return builder.finish()
    }
}
