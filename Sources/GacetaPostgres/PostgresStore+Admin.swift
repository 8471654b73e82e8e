import GacetaCore
import GacetaStoreSQL

extension PostgresStore {
    public func createAdminToken(_ token: AdminToken) throws(StoreError) {
        let inserted = try connection.query(
            AdminSQL.postgres(AdminSQL.insertToken) + " RETURNING id", [token.name, token.sha256, token.createdAt])
        guard inserted.rowCount > 0 else { throw StoreError(.failed, AdminSQL.duplicateToken(token.name)) }
    }

    public func adminTokens() throws(StoreError) -> [AdminToken] {
        let result = try connection.query(AdminSQL.tokens)
        return (0..<result.rowCount).map { row in
            AdminToken(
                name: result.string(row, 0) ?? "", sha256: result.string(row, 1) ?? "",
                createdAt: result.string(row, 2) ?? "")
        }
    }

    @discardableResult
    public func revokeAdminToken(name: String) throws(StoreError) -> Bool {
        try connection.query(AdminSQL.postgres(AdminSQL.revokeToken) + " RETURNING id", [name]).rowCount > 0
    }

    @discardableResult
    public func removeDocument(id: Int64) throws(StoreError) -> DocumentRemoval {
        try connection.transaction { () throws(StoreError) -> DocumentRemoval in
            try lockChunkWriters()
            let found = try connection.query(AdminSQL.postgres(AdminSQL.document) + " FOR UPDATE", [String(id)])
            guard found.rowCount > 0 else { return .notFound }
            if let edition = try editionRows(EditionSQL.noticeEdition, [String(id)], columns: 1).first?[0],
                let editionID = Int64(edition)
            {
                return .partOfEdition(editionID: editionID)
            }
            try deleteDocument(id)
            return .removed
        }
    }

    @discardableResult
    public func removeEdition(id: Int64) throws(StoreError) -> Int? {
        try connection.transaction { () throws(StoreError) -> Int? in
            try lockChunkWriters()
            let found = try connection.query(AdminSQL.postgres(AdminSQL.edition) + " FOR UPDATE", [String(id)])
            guard found.rowCount > 0 else { return nil }
            let documents = try connection.query(AdminSQL.postgres(AdminSQL.documentsOfEdition), [String(id)])
            for row in 0..<documents.rowCount { try deleteDocument(documents.int64(row, 0)) }
            try connection.query(AdminSQL.postgres(AdminSQL.deleteEdition), [String(id)])
            return documents.rowCount
        }
    }

    /// Computes every chunk's `tsvector` again with the current tokenizer (the title goes with each document's
    /// first chunk, as at ingest), then `chunk_totals`, each lexeme's chunks and the GIN index, in one transaction.
    @discardableResult
    public func reindex() throws(StoreError) -> Int {
        try connection.transaction { () throws(StoreError) -> Int in
            try lockChunkWriters()
            try connection.execute("LOCK TABLE chunks IN SHARE ROW EXCLUSIVE MODE")
            let chunks = try connection.query(
                """
                SELECT c.id, CASE WHEN c.ordinal = 1 THEN d.title ELSE '' END, c.text
                FROM chunks c JOIN documents d ON d.id = c.document_id ORDER BY c.id
                """)
            for row in 0..<chunks.rowCount {
                let vector = textSearch.vector(title: chunks.string(row, 1) ?? "", body: chunks.string(row, 2) ?? "")
                try connection.query(
                    "UPDATE chunks SET terms = $2::tsvector, token_count = $3 WHERE id = $1",
                    [chunks.string(row, 0), vector.literal, String(vector.tokenCount)])
            }
            try connection.execute(
                """
                DELETE FROM chunk_totals;
                INSERT INTO chunk_totals (chunks, tokens) SELECT count(*), coalesce(sum(token_count), 0) FROM chunks;
                UPDATE lexemes SET chunks = 0;
                INSERT INTO lexemes (lexeme, chunks)
                SELECT lexeme, count(*) FROM chunks, unnest(tsvector_to_array(terms)) AS lexeme GROUP BY lexeme
                ON CONFLICT (lexeme) DO UPDATE SET chunks = EXCLUDED.chunks;
                REINDEX INDEX chunks_terms;
                """)
            return chunks.rowCount
        }
    }
}
