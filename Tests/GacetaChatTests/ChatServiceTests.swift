import GacetaChat
import GacetaCore
import Testing
import TestSupport

@Suite struct ChatServiceTests {
    static let question = "¿Qué se decidió sobre el precio del calzado escolar?"
    let retriever = Retriever { request in
        SearchResults(total: 3, page: 1, perPage: request.perPage, hits: Fixtures.passages)
    }

    static func openAI(_ stub: OpenAIStubServer) -> OpenAIProvider {
        OpenAIProvider(
            baseURL: stub.baseURL, model: "stub-model", apiKey: nil, timeout: .milliseconds(300), maxTokens: 128,
            temperature: 0)
    }

    /// Fails the test if asked anything.
    struct UnreachableProvider: AnswerProvider {
        let name = "unreachable"
        func answer(
            question: String, history: [ConversationTurn], passages: [SearchHit], onToken: ((String) -> Void)?
        ) throws -> Answer {
            Issue.record("the provider was called")
            throw ProviderFailure("called")
        }
    }

    @Test func usesTheModelWhenItAnswers() throws {
        let stub = try OpenAIStubServer(mode: .answer("Cuesta como máximo ₡18.500 [1]."))
        defer { stub.stop() }
        let service = ChatService(retriever: retriever, provider: Self.openAI(stub))
        let answer = try service.answer(question: Self.question, history: [], onToken: nil)
        #expect(answer.provider == "openai")
        #expect(answer.fallbackReason == nil)
        #expect(answer.citations.first?.page == 3)
    }

    @Test(arguments: [
        (OpenAIStubServer.Mode.malformedJSON, "malformed JSON"),
        (.status(500), "HTTP 500"),
        (.silent, "timeout after 300 ms"),
        (.answer("Sin fuentes [7]."), "no valid citation in the answer"),
        (.answer(""), "empty answer"),
    ])
    func fallsBackToTheOfflineAnswer(mode: OpenAIStubServer.Mode, reason: String) throws {
        let stub = try OpenAIStubServer(mode: mode)
        defer { stub.stop() }
        let service = ChatService(retriever: retriever, provider: Self.openAI(stub))
        let answer = try service.answer(question: Self.question, history: [], onToken: nil)
        #expect(answer.provider == "extractive")
        #expect(answer.fallbackReason == reason)
        #expect(answer.citations.first?.page == 3)
        Checks.wellCited(answer, passages: Fixtures.passages)
    }

    @Test func streamingFallbackSendsTheOfflineTextAfterTheModels() throws {
        // The model streams text citing only a passage that does not exist, then the offline answer follows.
        let stub = try OpenAIStubServer(mode: .stream(["El precio ", "es ₡18.500 [7]."]))
        defer { stub.stop() }
        let service = ChatService(retriever: retriever, provider: Self.openAI(stub))
        var tokens: [String] = []
        let answer = try service.answer(question: Self.question, history: [], onToken: { tokens.append($0) })
        #expect(answer.provider == "extractive")
        #expect(answer.fallbackReason == "no valid citation in the answer")
        #expect(tokens.joined() == "El precio es ₡18.500.\n\n" + answer.text)
        #expect(tokens.last.map(answer.text.hasSuffix) == true, "the offline answer comes last")
    }

    @Test func withoutPassagesTheProviderIsNotAsked() throws {
        let empty = Retriever { _ in SearchResults(total: 0, page: 1, perPage: 8, hits: []) }
        let service = ChatService(retriever: empty, provider: UnreachableProvider())
        var tokens: [String] = []
        let answer = try service.answer(question: Self.question, history: [], onToken: { tokens.append($0) })
        #expect(answer.text.hasPrefix("No encontré"))
        #expect(answer.citations.isEmpty)
        #expect(answer.provider == "extractive")
        #expect(answer.fallbackReason == nil)
        #expect(tokens == [answer.text])
    }

    @Test func withoutAProviderTheOfflineAnswerIsNotAFallback() throws {
        let answer = try ChatService(retriever: retriever, provider: nil).answer(
            question: Self.question, history: [], onToken: nil)
        #expect(answer.provider == "extractive")
        #expect(answer.fallbackReason == nil)
        Checks.wellCited(answer, passages: Fixtures.passages)
    }

    @Test func searchErrorsAreNotHidden() {
        struct Unavailable: Error {}
        let failing = Retriever { _ in throw Unavailable() }
        #expect(throws: Unavailable.self) {
            try ChatService(retriever: failing, provider: nil).answer(
                question: Self.question, history: [], onToken: nil)
        }
    }
}
