import GacetaChat
import GacetaCore
import Testing
import TestSupport

/// Model answers are held to their citations: echoes of the prompt are refused, unsupported markers removed, and an
/// answer left with none falls back to the offline answer, streamed or not.
@Suite struct ModelAnswerCheckTests {
    static let question = "¿Qué se decidió sobre el precio del calzado escolar?"
    let retriever = Retriever { request in
        SearchResults(total: 3, page: 1, perPage: request.perPage, hits: Fixtures.priceFirst)
    }

    /// A generous timeout: these tests are about what the model says, not about how fast (a machine under load
    /// must not turn them into timeouts).
    func service(_ stub: OpenAIStubServer) -> ChatService {
        let provider = OpenAIProvider(
            baseURL: stub.baseURL, model: "stub-model", apiKey: nil, timeout: .seconds(20), maxTokens: 128,
            temperature: 0)
        return ChatService(retriever: retriever, provider: provider)
    }

    @Test(arguments: EchoFixtures.all) func anEchoFallsBack(echo: String) throws {
        for streamed in [false, true] {
            let stub = try OpenAIStubServer(mode: streamed ? .stream(OpenAIStubServer.deltas(echo)) : .answer(echo))
            defer { stub.stop() }
            var tokens: [String] = []
            let answer = try service(stub).answer(
                question: Self.question, history: [], onToken: streamed ? { tokens.append($0) } : nil)
            #expect(answer.provider == "extractive", "streamed: \(streamed)")
            #expect(answer.fallbackReason == "echoed_prompt", "streamed: \(streamed)")
            #expect(answer.citations.first?.page == 3)
            if streamed { #expect(tokens.joined() == answer.text, "nothing of the echo was shown") }
        }
    }

    /// The current prompt given back verbatim, and a passage heading as sent: both are echoes.
    @Test func theCurrentPromptAndHeadingsAreEchoes() throws {
        let recorder = try OpenAIStubServer(mode: .answer("El precio máximo del calzado escolar es ₡18.500 [1]."))
        defer { recorder.stop() }
        _ = try service(recorder).answer(question: Self.question, history: [], onToken: nil)
        let messages = try #require(recorder.requests.first?.json?["messages"] as? [[String: String]])
        let system = try #require(messages.first?["content"])
        let user = try #require(messages.last?["content"])
        let heading = try #require(user.split(separator: "\n").first { $0.hasPrefix("⟦P1 ") })
        for echo in [system, String(heading) + "\nSe fija un precio máximo de ₡18.500 para el calzado escolar [1]."] {
            let stub = try OpenAIStubServer(mode: .answer(echo))
            defer { stub.stop() }
            let answer = try service(stub).answer(question: Self.question, history: [], onToken: nil)
            #expect(answer.fallbackReason == "echoed_prompt", "\(echo.prefix(40))")
        }
    }

    @Test func aMarkerPointingToTheWrongPassageIsRemoved() throws {
        let text = "Se fijó un precio máximo de ₡18.500 para el calzado escolar [2][1]."
        for streamed in [false, true] {
            let stub = try OpenAIStubServer(mode: streamed ? .stream(OpenAIStubServer.deltas(text)) : .answer(text))
            defer { stub.stop() }
            let answer = try service(stub).answer(
                question: Self.question, history: [], onToken: streamed ? { _ in } : nil)
            #expect(answer.provider == "openai")
            #expect(answer.text == "Se fijó un precio máximo de ₡18.500 para el calzado escolar [1].")
            #expect(answer.citations.map(\.page) == [3])
        }
    }

    @Test func onlyWrongPassagesFallsBack() throws {
        let text = "Se fijó un precio máximo de ₡18.500 para el calzado escolar [2]."
        for streamed in [false, true] {
            let stub = try OpenAIStubServer(mode: streamed ? .stream(OpenAIStubServer.deltas(text)) : .answer(text))
            defer { stub.stop() }
            var tokens: [String] = []
            let answer = try service(stub).answer(
                question: Self.question, history: [], onToken: streamed ? { tokens.append($0) } : nil)
            #expect(answer.provider == "extractive")
            #expect(answer.fallbackReason == "unsupported_citations")
            #expect(answer.citations.first?.page == 3)
            if streamed { #expect(tokens.joined() == answer.text) }
        }
    }

    /// Two of its eight content words in the passage, and a decree number one digit off: both sentences go.
    @Test func weakAndWrongNumberSentencesAreRemoved() throws {
        let text =
            "El precio máximo del calzado escolar es ₡18.500 [1]. "
            + "Los zapatos escolares subieron bastante durante toda aquella temporada comercial [1]. "
            + "Lo dispone el Decreto Ejecutivo N° 44124-MEIC [1]."
        let stub = try OpenAIStubServer(mode: .answer(text))
        defer { stub.stop() }
        let answer = try service(stub).answer(question: Self.question, history: [], onToken: nil)
        #expect(answer.provider == "openai")
        #expect(answer.text == "El precio máximo del calzado escolar es ₡18.500 [1].")
    }
}
