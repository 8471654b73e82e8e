import Foundation
import GacetaCore
import GacetaQuery
import GacetaStore
import TestSupport
import Testing

/// Conformance, run against every `StoreKind`: `ConversationStore`: conversations, turns and retention.
@Suite struct ConversationStoreConformanceTests {
    @Test(arguments: StoreKind.testable) func conversationsRoundTripAndOldOnesArePurged(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.createConversation(id: "c1", now: "2024-07-15T10:00:00Z")
        let citation = Citation(
            n: 1, editionDate: "2024-07-15", editionNumber: "129", documentID: 7, documentTitle: "Decreto",
            page: 2, printedPage: "13", quote: "El salario mínimo aumenta.")
        let first = ConversationTurn(
            question: "¿Qué pasó con el salario?",
            answer: Answer(text: "Aumenta [1].", citations: [citation], provider: "extractive"),
            createdAt: "2024-07-15T10:00:01Z")
        let second = ConversationTurn(
            question: "¿Y cuándo rige?",
            answer: Answer(
                text: "No encontré información.", citations: [], provider: "extractive", fallbackReason: "HTTP 500"),
            createdAt: "2024-07-15T10:00:05Z")
        try harness.store.appendTurn(first, conversationID: "c1")
        try harness.store.appendTurn(second, conversationID: "c1")
        let stored = try #require(try harness.store.conversation(id: "c1"))
        #expect(stored.turns == [first, second])
        #expect(stored.turns[0].answer.citations[0].url == "/api/v1/documents/7/pages/2")
        #expect(try harness.store.conversation(id: "nope") == nil)

        try harness.store.createConversation(id: "c2", now: "2024-08-01T00:00:00Z")
        #expect(try harness.store.purgeConversations(before: "2024-07-20T00:00:00Z") == 1)
        #expect(try harness.store.conversation(id: "c1") == nil)
        #expect(try harness.store.conversation(id: "c2") != nil)
    }
}
