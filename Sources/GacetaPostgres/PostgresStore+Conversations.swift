import GacetaCore
import GacetaStoreSQL

extension PostgresStore {
    public func createConversation(id: String, now: String) throws(StoreError) {
        try connection.preparedQuery(
            "INSERT INTO conversations (id, created_at, updated_at) VALUES ($1, $2, $2)", [id, now])
    }

    public func conversation(id: String) throws(StoreError) -> Conversation? {
        let found = try connection.preparedQuery("SELECT created_at FROM conversations WHERE id = $1", [id])
        guard found.rowCount > 0, let createdAt = found.string(0, 0) else { return nil }
        let turns = try connection.preparedQuery(
            """
            SELECT question, answer, citations, provider, fallback_reason, created_at
            FROM conversation_turns WHERE conversation_id = $1 ORDER BY ordinal
            """, [id])
        var result: [ConversationTurn] = []
        for row in 0..<turns.rowCount {
            let citations = try CitationJSON.decode(turns.string(row, 2) ?? "[]")
            let answer = Answer(
                text: turns.string(row, 1) ?? "", citations: citations, provider: turns.string(row, 3) ?? "",
                fallbackReason: turns.string(row, 4))
            result.append(
                ConversationTurn(
                    question: turns.string(row, 0) ?? "", answer: answer, createdAt: turns.string(row, 5) ?? ""))
        }
        return Conversation(id: id, createdAt: createdAt, turns: result)
    }

    public func appendTurn(_ turn: ConversationTurn, conversationID: String) throws(StoreError) {
        let citations = try CitationJSON.encode(turn.answer.citations)
        try connection.transaction { () throws(StoreError) in
            // Locks the conversation row: two turns appended at once get distinct ordinals.
            try connection.preparedQuery("SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE", [conversationID])
            try connection.preparedQuery(
                """
                INSERT INTO conversation_turns
                    (conversation_id, ordinal, question, answer, citations, provider, fallback_reason, created_at)
                VALUES ($1, (SELECT coalesce(max(ordinal), 0) + 1 FROM conversation_turns WHERE conversation_id = $1),
                        $2, $3, $4, $5, $6, $7)
                """,
                [
                    conversationID, turn.question, turn.answer.text, citations, turn.answer.provider,
                    turn.answer.fallbackReason, turn.createdAt,
                ])
            try connection.preparedQuery(
                "UPDATE conversations SET updated_at = $2 WHERE id = $1", [conversationID, turn.createdAt])
        }
    }

    @discardableResult
    public func purgeConversations(before cutoff: String) throws(StoreError) -> Int {
        try connection.preparedQuery("DELETE FROM conversations WHERE updated_at < $1", [cutoff]).affectedRows
    }
}

extension PostgresStore {
    @discardableResult
    public func remapCitations(_ remap: ([Citation]) -> [Citation]?) throws(StoreError) -> Int {
        try connection.transaction { () throws(StoreError) -> Int in try remapStoredCitations(remap) }
    }
}
