import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Cited answers through nginx over HTTPS, from documents the test writes with known facts on known pages.
    @Suite struct ChatTests {
        static let pages = [
            "El Ministerio de Economía fija un precio máximo para el calzado escolar de cuero negro.",
            "El salario mínimo de las personas trabajadoras domésticas aumenta un cuatro por ciento.",
            "La Caja Costarricense de Seguro Social abre una licitación para comprar medicamentos.",
        ]

        private func startStack(_ environment: [String: String] = [:]) throws -> Stack {
            let stack = try Stack(workers: 2, environment: environment)
            let pdf = "\(stack.directory)/gaceta-140.pdf"
            try GazettePDF.write(
                to: pdf, number: 140, date: "1 de agosto del 2024", weekday: "Jueves", firstPrinted: 7,
                pages: Self.pages)
            let ingest = try Shell.run(try Paths.binary(), ["ingest", pdf], environment: stack.poolEnvironment)
            guard ingest.status == 0 else { throw TestSupportError("ingest failed: \(ingest.output)") }
            try stack.start()
            return stack
        }

        @Test func anOfflineAnswerCitesThePageThatHoldsTheFactWithAVerbatimQuote() throws {
            let stack = try startStack()
            defer { stack.stop() }
            let response = try stack.chat(["question": "¿Qué se decidió sobre el precio del calzado escolar?"])
            #expect(response.status == 200, "\(response.body)")
            let body = try response.json()
            #expect(body["provider"] as? String == "extractive")
            let answer = try #require(body["answer"] as? String)
            let citations = try #require(body["citations"] as? [[String: Any]])
            #expect(!citations.isEmpty)
            #expect(citationMarkers(answer) == Set(citations.compactMap { $0["n"] as? Int }), "\(answer)")
            let first = try #require(citations.first)
            #expect(first["page"] as? Int == 1)
            #expect(first["printed_page"] as? String == "7")
            #expect(first["edition_number"] as? String == "140")
            let quote = try #require(first["quote"] as? String)
            #expect(quote.contains("calzado escolar"))
            let page = try stack.get(try #require(first["url"] as? String))
            #expect((try page.json()["text"] as? String)?.contains(quote) == true, "quote is verbatim page text")
            let id = try #require(body["conversation_id"] as? String)
            #expect(id.count >= 32)
        }

        @Test func nothingRelevantMeansNoEncontreAndNoCitations() throws {
            let stack = try startStack()
            defer { stack.stop() }
            let body = try stack.chat(["question": "¿Cuál es la capital de Mongolia?"]).json()
            #expect((body["answer"] as? String)?.hasPrefix("No encontré") == true)
            #expect((body["citations"] as? [Any])?.isEmpty == true)
        }

        @Test func aFollowUpUsesThePreviousTurnAndTheConversationIsStored() throws {
            let stack = try startStack()
            defer { stack.stop() }
            let first = try stack.chat(["question": "¿Qué pasó con el salario de las trabajadoras domésticas?"]).json()
            let id = try #require(first["conversation_id"] as? String)
            let second = try stack.chat(["question": "¿Y cuánto aumenta?", "conversation_id": id]).json()
            #expect(second["conversation_id"] as? String == id)
            let citations = try #require(second["citations"] as? [[String: Any]])
            #expect(citations.first?["page"] as? Int == 2, "\(second)")

            let stored = try stack.get("/api/v1/conversations/\(id)")
            #expect(stored.status == 200)
            let turns = try #require(try stored.json()["turns"] as? [[String: Any]])
            #expect(
                turns.map { $0["question"] as? String } == [
                    "¿Qué pasó con el salario de las trabajadoras domésticas?", "¿Y cuánto aumenta?",
                ])
        }

        @Test func badQuestionsGetClearErrors() throws {
            let stack = try startStack(["GACETACHAT_CHAT_MAX_QUESTION_LENGTH": "60", "GACETACHAT_CHAT_MAX_TURNS": "1"])
            defer { stack.stop() }
            #expect(try stack.chat(["question": "   "]).errorCode == "empty_question")
            let long = try stack.chat(["question": String(repeating: "salario ", count: 20)])
            #expect(long.status == 400)
            #expect(long.errorCode == "question_too_long")
            let unknown = try stack.chat(["question": "¿Y?", "conversation_id": String(repeating: "ab", count: 16)])
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "conversation_not_found")
            let malformed = try stack.get(
                "/api/v1/chat",
                ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", "{\"question\":"])
            #expect(malformed.status == 400)
            let wrongType = try stack.get("/api/v1/chat", ["-X", "POST", "--data-binary", "question=hola"])
            #expect(wrongType.status == 415)
            let first = try stack.chat(["question": "¿Salario mínimo?"]).json()
            let id = try #require(first["conversation_id"] as? String)
            let full = try stack.chat(["question": "¿Y luego?", "conversation_id": id])
            #expect(full.status == 409)
            #expect(full.errorCode == "too_many_turns")
            #expect(try stack.get("/health").status == 200)
        }

        @Test func aStreamedAnswerArrivesAsServerSentEventsThroughNginx() throws {
            let stack = try startStack()
            defer { stack.stop() }
            let json = #"{"question":"¿Qué se decidió sobre el calzado escolar?"}"#
            let result = try Shell.run(
                "curl",
                [
                    "-sS", "-N", "-i", "--cacert", stack.caPath, "-X", "POST", "-H", "Content-Type: application/json",
                    "-H", "Accept: text/event-stream", "--data-binary", json,
                    "https://127.0.0.1:\(stack.httpsPort)/api/v1/chat",
                ])
            #expect(result.status == 0, "\(result.output)")
            #expect(result.stdout.lowercased().contains("content-type: text/event-stream"))
            let token = try #require(result.stdout.range(of: "event: token"))
            let citations = try #require(result.stdout.range(of: "event: citations"))
            let done = try #require(result.stdout.range(of: "event: done"))
            #expect(token.lowerBound < citations.lowerBound && citations.lowerBound < done.lowerBound)
            #expect(result.stdout.contains("calzado"))
        }

        @Test func aConfiguredModelAnswersThroughTheStackAndAFailingOneFallsBack() throws {
            let model = try OpenAIStubServer(
                mode: .stream(["El precio del calzado escolar ", "tiene un máximo [1]", " y [9]."]))
            defer { model.stop() }
            let stack = try startStack([
                "GACETACHAT_LLM_BASE_URL": model.baseURL, "GACETACHAT_LLM_MODEL": "stub-model",
                "GACETACHAT_LLM_TIMEOUT": "5s",
            ])
            defer { stack.stop() }
            let json = #"{"question":"¿Qué se decidió sobre el precio del calzado escolar?"}"#
            let streamed = try Shell.run(
                "curl",
                [
                    "-sS", "-N", "--cacert", stack.caPath, "-X", "POST", "-H", "Content-Type: application/json",
                    "-H", "Accept: text/event-stream", "--data-binary", json,
                    "https://127.0.0.1:\(stack.httpsPort)/api/v1/chat",
                ])
            #expect(streamed.stdout.contains("\"provider\":\"openai\""), "\(streamed.output)")
            #expect(streamed.stdout.contains("tiene un máximo [1]"))
            #expect(!streamed.stdout.contains("[9]"), "a marker pointing to no passage is removed")
            let request = try #require(model.requests.last?.json)
            #expect(request["model"] as? String == "stub-model")

            let broken = try OpenAIStubServer(mode: .status(500))
            defer { broken.stop() }
            let fallback = try startStack(["GACETACHAT_LLM_BASE_URL": broken.baseURL, "GACETACHAT_LLM_MODEL": "m"])
            defer { fallback.stop() }
            let body = try fallback.chat(["question": "¿Qué se decidió sobre el precio del calzado escolar?"]).json()
            #expect(body["provider"] as? String == "extractive")
            #expect(body["fallback_reason"] as? String == "http_error")
            #expect((body["citations"] as? [Any])?.isEmpty == false)
        }
    }
}
