import GacetaChat
import GacetaCore
import Testing
import TestSupport

@Suite struct SummaryModelTests {
    static func model(_ stub: OpenAIStubServer) -> OpenAIProvider {
        OpenAIProvider(
            baseURL: stub.baseURL, model: "stub-model", apiKey: nil, timeout: .seconds(5), maxTokens: 512,
            temperature: 0.1)
    }

    /// Six notices: notice 1 (a decree, pages 2–3) has the water tariff on page 3 only.
    static func notices() -> [SummaryNotice] {
        var random = SeededGenerator(seed: 21)
        var notices = (1...6).map { index in
            SummaryFixtures.notice(index, type: "aviso", first: 4 + index, random: &random)
        }
        notices[0] = SummaryNotice(
            documentID: 500, key: "IN2024000500", noticeIndex: 1, title: "DECRETO EJECUTIVO N° 45000-MINAE",
            type: "decreto", identifier: "45000-MINAE", institution: "MINAE",
            pages: [
                .init(
                    index: 2, printedNumber: "3",
                    text: "DECRETO EJECUTIVO N° 45000-MINAE\nConsiderando que el país necesita ordenar el uso "
                        + "del recurso hídrico en las zonas costeras."),
                .init(
                    index: 3, printedNumber: "4",
                    text: "Artículo 1°—Se fija la tarifa del agua potable en ₡1.250 por metro cúbico para las "
                        + "zonas costeras."),
            ])
        return notices
    }

    @Test func supportedBulletsStandAndTheRestAreReplaced() throws {
        let reply = """
            [1] página 3: Se fija la tarifa del agua potable en ₡1.250 por metro cúbico en las zonas costeras.
            [2] página 2: Los herederos deben presentarse en quince días.
            [3] página 7: La tarifa del agua potable sube a ₡9.999 por metro cúbico.
            un comentario que no sigue el formato
            """
        let stub = try OpenAIStubServer(mode: .answer(reply))
        defer { stub.stop() }
        let notices = Self.notices()
        let result = try #require(
            Summarizer(model: Self.model(stub)).summarize(SummaryFixtures.source(notices), generatedAt: "t"))
        let summary = result.summary
        #expect(summary.provider == "openai")
        #expect(summary.fallbackReason == nil)
        #expect(summary.bullets.count == 5)
        let first = summary.bullets[0]
        #expect(first.noticeKey == "IN2024000500")
        #expect(first.provider == "openai")
        #expect(first.page == 3)
        #expect(first.printedPage == "4")
        // Notice 2 is on page 6, not 2: its bullet is the offline one.
        #expect(summary.bullets[1].noticeKey == notices[1].key)
        #expect(summary.bullets[1].provider == "extractive")
        #expect(summary.bullets[1].page == 6)
        // Notice 3's page 7 does not say ₡9.999: replaced.
        #expect(summary.bullets[2].noticeKey == notices[2].key)
        #expect(summary.bullets[2].provider == "extractive")
        #expect(!summary.bullets[2].text.contains("9.999"))
        #expect(Set(result.replaced.map(\.key)) == [notices[1].key, notices[2].key])
        #expect(summary.bullets[3...].allSatisfy { $0.provider == "extractive" })

        let request = try #require(stub.requests.first?.json)
        let messages = try #require(request["messages"] as? [[String: String]])
        let lines = (messages.last?["content"] ?? "").split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(lines.count == notices.count, "one line per notice")
        #expect(lines.first?.contains("DECRETO EJECUTIVO N° 45000-MINAE") == true)
        #expect(lines.first?.contains("página 2") == true)
    }

    @Test(arguments: [OpenAIStubServer.Mode.status(500), .malformedJSON, .answer("No sé qué decir.")])
    func aFailedModelGivesTheOfflineSummary(mode: OpenAIStubServer.Mode) throws {
        let stub = try OpenAIStubServer(mode: mode)
        defer { stub.stop() }
        let source = SummaryFixtures.source(Self.notices())
        let result = try #require(Summarizer(model: Self.model(stub)).summarize(source, generatedAt: "t"))
        let offline = try #require(Summarizer(model: nil).summarize(source, generatedAt: "t"))
        #expect(result.modelFailure != nil)
        #expect(result.summary.provider == "extractive")
        #expect(result.summary.fallbackReason == result.modelFailure?.reason)
        #expect(result.summary.bullets == offline.summary.bullets)
        #expect(stub.requests.count == 1)
    }
}
