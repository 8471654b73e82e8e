import GacetaCore
import GacetaStoreSQL

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SQLiteStore {
    public func createConversation(id: String, now: String) throws(StoreError) {
        try connection.call { () throws(StoreError) in
            let insert = try connection.prepare(
                "INSERT INTO conversations (id, created_at, updated_at) VALUES (?1, ?2, ?2)")
            insert.bind(1, id)
            insert.bind(2, now)
            try insert.run()
        }
    }

    public func conversation(id: String) throws(StoreError) -> Conversation? {
        return try connection.call { () throws(StoreError) -> Conversation? in
            let find = try connection.prepare("SELECT created_at FROM conversations WHERE id = ?1")
            find.bind(1, id)
            guard try find.step(), let createdAt = find.string(0) else { return nil }
            let turns = try connection.prepare(
                """
                SELECT question, answer, citations, provider, fallback_reason, created_at
                FROM conversation_turns WHERE conversation_id = ?1 ORDER BY ordinal
                """)
            turns.bind(1, id)
            var result: [ConversationTurn] = []
            while try turns.step() {
                let citations = try Self.decodeCitations(turns.string(2) ?? "[]")
                let answer = Answer(
                    text: turns.string(1) ?? "", citations: citations, provider: turns.string(3) ?? "",
                    fallbackReason: turns.string(4))
                result.append(
                    ConversationTurn(question: turns.string(0) ?? "", answer: answer, createdAt: turns.string(5) ?? ""))
            }
            return Conversation(id: id, createdAt: createdAt, turns: result)
        }
    }

    public func appendTurn(_ turn: ConversationTurn, conversationID: String) throws(StoreError) {
        try connection.call { () throws(StoreError) in
            let citations = try Self.encodeCitations(turn.answer.citations)
            try connection.transaction { () throws(StoreError) in
                let insert = try connection.prepare(
                    """
                    INSERT INTO conversation_turns
                        (conversation_id, ordinal, question, answer, citations, provider, fallback_reason, created_at)
                    VALUES (?1, (SELECT coalesce(max(ordinal), 0) + 1 FROM conversation_turns WHERE conversation_id = ?1),
                            ?2, ?3, ?4, ?5, ?6, ?7)
                    """)
                insert.bind(1, conversationID)
                insert.bind(2, turn.question)
                insert.bind(3, turn.answer.text)
                insert.bind(4, citations)
                insert.bind(5, turn.answer.provider)
                insert.bind(6, turn.answer.fallbackReason)
                insert.bind(7, turn.createdAt)
                try insert.run()
                let touch = try connection.prepare("UPDATE conversations SET updated_at = ?2 WHERE id = ?1")
                touch.bind(1, conversationID)
                touch.bind(2, turn.createdAt)
                try touch.run()
            }
        }
    }

    @discardableResult
    public func purgeConversations(before cutoff: String) throws(StoreError) -> Int {
        return try connection.call { () throws(StoreError) -> Int in
            let delete = try connection.prepare("DELETE FROM conversations WHERE updated_at < ?1")
            delete.bind(1, cutoff)
            try delete.run()
            return connection.changes
        }
    }

    static func encodeCitations(_ citations: [Citation]) throws(StoreError) -> String {
        do {
            return String(decoding: try JSONEncoder().encode(citations), as: UTF8.self)
        } catch {
            throw StoreError(.failed, "cannot encode citations: \(error)")
        }
    }

    static func decodeCitations(_ text: String) throws(StoreError) -> [Citation] {
        do {
            return try JSONDecoder().decode([Citation].self, from: Data(text.utf8))
        } catch {
            throw StoreError(.failed, "stored citations are not valid JSON: \(error)")
        }
    }
}

extension SQLiteStore {
    @discardableResult
    public func remapCitations(_ remap: ([Citation]) -> [Citation]?) throws(StoreError) -> Int {
        try connection.call { () throws(StoreError) -> Int in
            try connection.transaction { () throws(StoreError) -> Int in try remapStoredCitations(remap) }
        }
    }
}
