import GacetaCore
import GacetaSearch

extension PostgresStore {
    /// Chunks from `chunk_totals`; each stem's chunks counted from the GIN index (`terms @@ 'stem'`), kept in the
    /// phrase-count cache (a one-word phrase is the stem itself) while `chunk_totals`' fingerprint does not move,
    /// so a common word ("ley") is counted once per ingest, not once per question.
    public func termStatistics(stems: [String]) throws(StoreError) -> IndexStatistics {
        let totals = try connection.query(
            "SELECT coalesce(sum(chunks), 0), \(PhraseCountCache.fingerprintSQL) FROM chunk_totals")
        phraseCounts.validate(fingerprint: totals.string(0, 1) ?? "")
        var unique: [String] = []
        for stem in stems where !unique.contains(stem) { unique.append(stem) }
        let keys = unique.map { SnippetBuilder.Phrase(terms: [$0], lastIsPrefix: false).tsquery }
        let missing = keys.filter { phraseCounts.count(of: $0) == nil }
        if !missing.isEmpty {
            var parameters = PostgresParameters()
            let columns = missing.map { "(SELECT count(*) FROM chunks WHERE terms @@ \(parameters.add($0))::tsquery)" }
            let counted = try connection.query("SELECT " + columns.joined(separator: ", "), parameters.values)
            for (index, key) in missing.enumerated() { phraseCounts.store(counted.double(0, index), for: key) }
        }
        var frequencies: [String: Int] = [:]
        for (stem, key) in zip(unique, keys) { frequencies[stem] = Int(phraseCounts.count(of: key) ?? 0) }
        return IndexStatistics(chunks: totals.int(0, 0), documentFrequency: frequencies)
    }
}
