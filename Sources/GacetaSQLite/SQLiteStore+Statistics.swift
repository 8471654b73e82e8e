import GacetaCore

extension SQLiteStore {
    /// Chunks from `chunks`; each stem's chunks from FTS5's own index through an `fts5vocab` table of the
    /// connection's temporary schema (no schema change: it reads `chunk_index`'s doclists, one term at a time).
    /// Documents are indexed with each word's stem (numbers as written), so a stem's rows are the chunks holding
    /// any form of the word, as a search for it finds them.
    public func termStatistics(stems: [String]) throws(StoreError) -> IndexStatistics {
        try connection.call { () throws(StoreError) -> IndexStatistics in
            try connection.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunk_vocabulary USING fts5vocab(main, chunk_index, row)")
            let count = try connection.prepare("SELECT count(*) FROM chunks")
            _ = try count.step()
            let chunks = count.int(0)
            let lookup = try connection.prepare("SELECT doc FROM temp.chunk_vocabulary WHERE term = ?1")
            var frequencies: [String: Int] = [:]
            for stem in stems where frequencies[stem] == nil {
                lookup.reset()
                lookup.bind(1, stem)
                frequencies[stem] = try lookup.step() ? lookup.int(0) : 0
            }
            return IndexStatistics(chunks: chunks, documentFrequency: frequencies)
        }
    }
}
