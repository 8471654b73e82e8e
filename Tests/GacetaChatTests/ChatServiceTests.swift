import GacetaChat
import GacetaCore
import Testing
import TestSupport

@Suite struct ChatServiceTests {
    static let question = "¿Qué se decidió sobre el precio del calzado escolar?"
    let retriever = Retriever { request in
        SearchResults(total: 3, page: 1, perPage: request.perPage, hits: Fixtures.priceFirst)
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
            throw ProviderFailure(.noCitations, "called")
        }
    }

    @Test func usesTheModelWhenItAnswers() throws {
        let stub = try OpenAIStubServer(mode: .answer("El precio máximo del calzado escolar es ₡18.500 [1]."))
        defer { stub.stop() }
        let service = ChatService(retriever: retriever, provider: Self.openAI(stub))
        let answer = try service.answer(question: Self.question, history: [], onToken: nil)
        #expect(answer.provider == "openai")
        #expect(answer.fallbackReason == nil)
        #expect(answer.citations.first?.page == 3)
    }

    @Test(arguments: [
        (OpenAIStubServer.Mode.malformedJSON, "malformed_response"),
        (.status(500), "http_error"),
        (.silent, "timeout"),
        (.answer("Sin fuentes [7]."), "no_citations"),
        (.answer(""), "no_citations"),
        (.answer("El Ministerio de Salud declaró una alerta sanitaria nacional [1]."), "unsupported_citations"),
    ])
    func fallsBackToTheOfflineAnswer(mode: OpenAIStubServer.Mode, reason: String) throws {
        let stub = try OpenAIStubServer(mode: mode)
        defer { stub.stop() }
        let service = ChatService(retriever: retriever, provider: Self.openAI(stub))
        let answer = try service.answer(question: Self.question, history: [], onToken: nil)
        #expect(answer.provider == "extractive")
        #expect(answer.fallbackReason == reason)
        #expect(answer.citations.first?.page == 3)
        Checks.wellCited(answer, passages: Fixtures.priceFirst)
    }

    @Test func streamingSendsOnlySupportedSentences() throws {
        // One supported sentence, then one citing a passage that does not exist: only the first is shown.
        let stub = try OpenAIStubServer(
            mode: .stream(["El precio máximo del calzado ", "escolar es ₡18.500 [1]. Lo fir", "mó el ministro [7]."]))
        defer { stub.stop() }
        let service = ChatService(retriever: retriever, provider: Self.openAI(stub))
        var tokens: [String] = []
        let answer = try service.answer(question: Self.question, history: [], onToken: { tokens.append($0) })
        #expect(answer.provider == "openai")
        #expect(answer.text == "El precio máximo del calzado escolar es ₡18.500 [1].")
        #expect(tokens.joined() == answer.text)
    }

    @Test func streamingFallbackFollowsWhatWasShown() throws {
        // Nothing the model wrote is supported: nothing of it is shown, and the offline answer is all there is.
        let stub = try OpenAIStubServer(mode: .stream(["El precio ", "es ₡18.500 [7]."]))
        defer { stub.stop() }
        let service = ChatService(retriever: retriever, provider: Self.openAI(stub))
        var tokens: [String] = []
        let answer = try service.answer(question: Self.question, history: [], onToken: { tokens.append($0) })
        #expect(answer.provider == "extractive")
        #expect(answer.fallbackReason == "no_citations")
        #expect(tokens.joined() == answer.text)
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
        Checks.wellCited(answer, passages: Fixtures.priceFirst)
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
