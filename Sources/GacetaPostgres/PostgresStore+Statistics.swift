import GacetaCore
import GacetaSearch

extension PostgresStore {
    /// Chunks from `chunk_totals`, each stem's chunks from `lexemes` (kept by ingest and deletion since schema
    /// version 9): one read of two small tables, in one snapshot, whatever the stems.
    public func termStatistics(stems: [String]) throws(StoreError) -> IndexStatistics {
        var unique: [String] = []
        for stem in stems where !unique.contains(stem) { unique.append(stem) }
        let rows = try connection.preparedQuery(
            """
            SELECT total.chunks, lexemes.lexeme, lexemes.chunks
            FROM (SELECT coalesce(sum(chunks), 0) AS chunks FROM chunk_totals) AS total
            LEFT JOIN lexemes ON lexemes.lexeme = ANY($1::text[])
            """, [PostgresTextSearch.arrayLiteral(unique)])
        var frequencies: [String: Int] = [:]
        for stem in unique { frequencies[stem] = 0 }
        for row in 0..<rows.rowCount {
            guard let lexeme = rows.string(row, 1) else { continue }
            frequencies[lexeme] = rows.int(row, 2)
        }
        return IndexStatistics(chunks: rows.rowCount > 0 ? rows.int(0, 0) : 0, documentFrequency: frequencies)
    }
}
