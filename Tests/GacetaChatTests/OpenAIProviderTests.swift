import Foundation
import GacetaChat
import GacetaCore
import Testing
import TestSupport

@Suite struct OpenAIProviderTests {
    static let question = "¿Qué se decidió sobre el precio del calzado escolar?"
    static let answerText =
        "Se fijó un precio máximo de ₡18.500 para el calzado escolar [1]. El decreto entra en vigencia el 1 de "
        + "agosto de 2024 [2]."

    static func provider(_ stub: OpenAIStubServer, timeout: Duration = .seconds(5)) -> OpenAIProvider {
        OpenAIProvider(
            baseURL: stub.baseURL + "/", model: "stub-model", apiKey: "test-key", timeout: timeout, maxTokens: 256,
            temperature: 0.1)
    }

    static func failure(_ body: () throws -> Answer) -> ProviderFailure? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? ProviderFailure
        }
    }

    @Test func plainAnswerWithValidMarkers() throws {
        let stub = try OpenAIStubServer(mode: .answer(Self.answerText))
        defer { stub.stop() }
        let answer = try Self.provider(stub).answer(
            question: Self.question, history: [], passages: Fixtures.passages, onToken: nil)
        #expect(answer.provider == "openai")
        #expect(answer.text == Self.answerText)
        #expect(answer.citations.map(\.n) == [1, 2])
        #expect(answer.citations.map(\.page) == [3, 4])
        #expect(answer.citations[0].quote.contains("Se fija un precio máximo"))
        #expect(answer.citations[1].quote.contains("entra en vigencia el 1 de agosto"))
        Checks.wellCited(answer, passages: Fixtures.passages)

        let request = try #require(stub.requests.first)
        #expect(request.headers["authorization"] == "Bearer test-key")
        let json = try #require(request.json)
        #expect(json["model"] as? String == "stub-model")
        #expect(json["stream"] as? Bool == false)
        #expect(json["max_tokens"] as? Int == 256)
        let messages = try #require(json["messages"] as? [[String: String]])
        #expect(messages.first?["role"] == "system")
        #expect(messages.first?["content"]?.contains("corchetes") == true)
        #expect(messages.first?["content"]?.contains("por ejemplo") == false, "no example a small model can echo")
        let user = try #require(messages.last?["content"])
        #expect(
            user.contains("⟦P1 ")
                && user.contains(
                    "⟧ La Gaceta Nº 129 del 15 de julio del 2024 · Decreto Ejecutivo N° 44123-MEIC · página 3")
        )
        #expect(user.contains("⟦/P1 "))
        #expect(user.contains("⟧ La Gaceta Nº 130"))
        #expect(user.contains(Fixtures.shoesEffect.text))
        #expect(user.hasSuffix("Pregunta: " + Self.question))
    }

    @Test func historyIsSentWithoutItsMarkers() throws {
        let stub = try OpenAIStubServer(mode: .answer(Self.answerText))
        defer { stub.stop() }
        let history = [Fixtures.turn("¿Qué precio tiene el calzado?", "Cuesta ₡18.500 como máximo [1].")]
        _ = try Self.provider(stub).answer(
            question: "¿Y cuándo entra en vigencia?", history: history, passages: Fixtures.passages, onToken: nil)
        let messages = try #require(stub.requests.first?.json?["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] ?? "" } == ["system", "user", "assistant", "user"])
        #expect(messages[2]["content"] == "Cuesta ₡18.500 como máximo.")
    }

    @Test func streamedAnswerArrivesInOrder() throws {
        let deltas = [
            "Se fijó un precio ", "máximo de ₡18.500 ", "para el calzado escolar [", "1]. El decreto ",
            "entra en vigencia el 1 de agosto de 2024 [2", "].",
        ]
        let stub = try OpenAIStubServer(mode: .stream(deltas))
        defer { stub.stop() }
        var tokens: [String] = []
        let answer = try Self.provider(stub).answer(
            question: Self.question, history: [], passages: Fixtures.passages, onToken: { tokens.append($0) })
        #expect(tokens.count == 2, "one token per sentence")
        #expect(tokens.joined() == deltas.joined())
        #expect(answer.text == Self.answerText)
        #expect(answer.citations.map(\.page) == [3, 4])
        #expect(stub.requests.first?.json?["stream"] as? Bool == true)
        Checks.wellCited(answer, passages: Fixtures.passages)
    }

    static let withInvalidMarkers =
        "Se fijó un precio máximo de ₡18.500 [1][7]. Lo firmó el ministro [7]. Entra en vigencia en agosto "
        + "[2, 7] y rige seis meses [9] según el decreto."
    static let withoutInvalidMarkers =
        "Se fijó un precio máximo de ₡18.500 [1]. Entra en vigencia en agosto [2] y rige seis meses según el "
        + "decreto."

    @Test func invalidMarkersAreRemoved() throws {
        let stub = try OpenAIStubServer(mode: .answer(Self.withInvalidMarkers))
        defer { stub.stop() }
        let answer = try Self.provider(stub).answer(
            question: Self.question, history: [], passages: Fixtures.passages, onToken: nil)
        #expect(answer.text == Self.withoutInvalidMarkers)
        #expect(answer.citations.map(\.n) == [1, 2])
        Checks.wellCited(answer, passages: Fixtures.passages)
    }

    @Test func invalidMarkersNeverReachTheStream() throws {
        let text = Self.withInvalidMarkers
        let deltas = stride(from: 0, to: text.count, by: 3).map { start in
            String(text.dropFirst(start).prefix(3))
        }
        let stub = try OpenAIStubServer(mode: .stream(deltas))
        defer { stub.stop() }
        var tokens: [String] = []
        let answer = try Self.provider(stub).answer(
            question: Self.question, history: [], passages: Fixtures.passages, onToken: { tokens.append($0) })
        #expect(tokens.joined() == Self.withoutInvalidMarkers)
        #expect(answer.text == Self.withoutInvalidMarkers)
    }

    @Test(arguments: [
        (OpenAIStubServer.Mode.malformedJSON, "malformed_response"),
        (.status(500), "http_error"),
        (.status(401), "http_error"),
        (.answer("El precio es ₡18.500 [7]."), "no_citations"),
        (.answer("   "), "no_citations"),
    ])
    func failuresThrowWithAShortReason(mode: OpenAIStubServer.Mode, reason: String) throws {
        let stub = try OpenAIStubServer(mode: mode)
        defer { stub.stop() }
        for streamed in [false, true] {
            let failure = Self.failure {
                try Self.provider(stub).answer(
                    question: Self.question, history: [], passages: Fixtures.passages,
                    onToken: streamed ? { _ in } : nil)
            }
            #expect(failure?.reason == reason, "streamed: \(streamed)")
        }
    }

    @Test func aSilentServerTimesOut() throws {
        let stub = try OpenAIStubServer(mode: .silent)
        defer { stub.stop() }
        let failure = Self.failure {
            try Self.provider(stub, timeout: .milliseconds(300)).answer(
                question: Self.question, history: [], passages: Fixtures.passages, onToken: nil)
        }
        #expect(failure?.reason == "timeout")
        #expect(failure?.detail == "timeout after 300 ms")
        #expect(stub.requests.count == 1, "the request reached the stub")
    }

    @Test func aClosedPortIsAConnectionFailure() throws {
        let port = try Paths.freePort()
        let provider = OpenAIProvider(
            baseURL: "http://127.0.0.1:\(port)/v1", model: "m", apiKey: nil, timeout: .seconds(2), maxTokens: 10,
            temperature: 0)
        let failure = Self.failure {
            try provider.answer(question: Self.question, history: [], passages: Fixtures.passages, onToken: nil)
        }
        #expect(failure?.reason == "http_error")
        #expect(failure?.detail.hasPrefix("connection failed") == true, "\(String(describing: failure))")
    }
}
