/// A sentence (or part of one) of a `NormalizedPage`: the unit `Chunker` packs into chunks.
struct ChunkPiece {
    /// Byte range in the page's normalised bytes, without surrounding spaces.
    var range: Range<Int>
    /// Size in Unicode scalars.
    var scalars: Int
    /// Whether the piece starts a paragraph.
    var paragraphStart: Bool
    /// For a paragraph's first piece: scalars of the whole paragraph, single spaces between pieces included.
    var paragraphScalars: Int

    /// The sentences of every paragraph of `page`.
    static func pieces(of page: NormalizedPage) -> [ChunkPiece] {
        var pieces: [ChunkPiece] = []
        page.bytes.withUnsafeBufferPointer { bytes in
            for paragraph in page.paragraphs {
                let first = pieces.count
                let sentences = SentenceSplitter.ranges(in: UnsafeBufferPointer(rebasing: bytes[paragraph]))
                for sentence in sentences {
                    let range =
                        (sentence.lowerBound + paragraph.lowerBound)..<(sentence.upperBound + paragraph.lowerBound)
                    let scalars = UTF8Scanning.scalarCount(bytes[range])
                    pieces.append(
                        ChunkPiece(range: range, scalars: scalars, paragraphStart: false, paragraphScalars: 0))
                }
                guard first < pieces.count else { continue }
                pieces[first].paragraphStart = true
                pieces[first].paragraphScalars = pieces[first...].reduce(-1) { $0 + $1.scalars + 1 }
            }
        }
        return pieces
    }

    /// Splits the piece after at most `maxScalars` scalars, at the last space that allows it; at a scalar
    /// boundary when there is no such space and `hard` is set. Returns nil when the piece cannot be split so.
    func split(in bytes: [UInt8], maxScalars: Int, hard: Bool) -> (head: ChunkPiece, tail: ChunkPiece)? {
        guard maxScalars > 0, scalars > maxScalars else { return nil }
        var index = range.lowerBound
        var taken = 0
        var lastSpace: Int?
        var spaceScalars = 0
        while index < range.upperBound {
            if UTF8Scanning.isScalarStart(bytes[index]) {
                if taken == maxScalars { break }
                taken += 1
            }
            if bytes[index] == 0x20 {
                lastSpace = index
                spaceScalars = taken - 1
            }
            index += 1
        }
        // `index` is now the first byte of scalar number maxScalars + 1.
        if let space = lastSpace, spaceScalars > 0 {
            return parts(headEnd: space, headScalars: spaceScalars, tailStart: space + 1)
        }
        guard hard else { return nil }
        return parts(headEnd: index, headScalars: maxScalars, tailStart: index)
    }

    private func parts(headEnd: Int, headScalars: Int, tailStart: Int) -> (head: ChunkPiece, tail: ChunkPiece) {
        let head = ChunkPiece(
            range: range.lowerBound..<headEnd, scalars: headScalars,
            paragraphStart: paragraphStart, paragraphScalars: paragraphScalars)
        let tail = ChunkPiece(
            range: tailStart..<range.upperBound, scalars: scalars - headScalars - (tailStart - headEnd),
            paragraphStart: false, paragraphScalars: 0)
        return (head, tail)
    }
}
