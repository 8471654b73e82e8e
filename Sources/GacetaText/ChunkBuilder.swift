/// Accumulates pieces of normalised text into chunks and carries an overlap from each chunk into the next.
/// Sizes are counted in Unicode scalars.
struct ChunkBuilder {
    private let overlap: Int
    private var current: [UInt8] = []
    /// Byte offsets in `current` where a piece (a sentence, or part of one) starts.
    private var pieceStarts: [Int] = []
    private var overlapScalars = 0
    private(set) var scalars = 0
    private(set) var chunks: [String] = []

    init(overlap: Int) {
        self.overlap = overlap
    }

    /// Whether the current chunk holds text beyond the overlap carried from the previous one.
    var hasNewContent: Bool { scalars > overlapScalars }

    /// Scalars a piece's separator takes: none at the start of a chunk, "\n\n" before a paragraph, else " ".
    func separatorLength(paragraphStart: Bool) -> Int {
        current.isEmpty ? 0 : (paragraphStart ? 2 : 1)
    }

    mutating func append(_ piece: ArraySlice<UInt8>, scalars pieceScalars: Int, paragraphStart: Bool) {
        let separator = separatorLength(paragraphStart: paragraphStart)
        if separator == 2 {
            current.append(0x0A)
            current.append(0x0A)
        } else if separator == 1 {
            current.append(0x20)
        }
        pieceStarts.append(current.count)
        current.append(contentsOf: piece)
        scalars += separator + pieceScalars
    }

    /// Ends the current chunk (if it has new content) and starts the next one with the overlap.
    mutating func cut() {
        guard hasNewContent else { return }
        chunks.append(String(decoding: current, as: UTF8.self))
        let start = overlapStart()
        let tail = Array(current[start...])
        pieceStarts = pieceStarts.filter { $0 >= start }.map { $0 - start }
        current = tail
        scalars = UTF8Scanning.scalarCount(tail)
        overlapScalars = scalars
    }

    /// Ends the last chunk.
    mutating func finish() -> [String] {
        cut()
        return chunks
    }

    /// Where the overlap begins in `current`: at most `overlap` scalars from the end, at a piece start when
    /// that keeps at least half of it, else at a word start.
    private func overlapStart() -> Int {
        let end = current.count
        guard overlap > 0 else { return end }
        var earliest = end
        var taken = 0
        while earliest > 0 && taken < overlap {
            earliest -= 1
            while earliest > 0 && !UTF8Scanning.isScalarStart(current[earliest]) { earliest -= 1 }
            taken += 1
        }
        if let pieceStart = pieceStarts.first(where: { $0 >= earliest }),
            UTF8Scanning.scalarCount(current[pieceStart...]) * 2 >= overlap
        {
            return pieceStart
        }
        var start = earliest
        while start < end && start > 0 && !isSpace(current[start - 1]) { start += 1 }
        while start < end && isSpace(current[start]) { start += 1 }
        return start == end ? skipSpaces(from: earliest) : start
    }

    private func skipSpaces(from index: Int) -> Int {
        var start = index
        while start < current.count && isSpace(current[start]) { start += 1 }
        return start
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A
    }
}
