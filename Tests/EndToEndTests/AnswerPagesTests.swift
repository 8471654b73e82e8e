import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 13's answers end to end, through nginx, on a nine-page edition made by groff with one notice a page:
    /// the page that holds the fact is cited (PDF page, printed page, a quote that is the page's text), a question
    /// about nothing in it gets "No encontré…", both stores cite the same, and a model that cites the wrong
    /// passage is corrected or replaced by the offline answer, streamed and not.
    @Suite struct AnswerPagesTests {
        static let edition = KnownFactsEdition()

        /// Questions as a citizen asks them, and the PDF page whose notice answers each.
        static let questions: [(text: String, page: Int)] = [
            ("¿Qué declararon por el picudo negro en la palma aceitera de Parrita?", 2),
            ("¿A qué hora cierran los tramos del mercado de Turrialba?", 5),
            ("¿Hasta cuándo no se puede capturar langosta espinosa en el Golfo de Papagayo?", 7),
        ]
        static let outOfCorpus = "¿Cuántos satélites lanzó la agencia espacial de Marte?"
        /// `SpanishWording.notFound`, the whole answer when nothing relevant exists.
        static let notFound = "No encontré información sobre eso en las ediciones de La Gaceta disponibles."

        /// What a citation points at, compared across stores.
        struct Cited: Equatable, CustomStringConvertible {
            var title: String
            var page: Int
            var quote: String
            var description: String { "\(title) p.\(page) «\(quote)»" }
        }

        /// A stack (SQLite unless `environment` names another database) holding the edition, started.
        static func startStack(_ environment: [String: String] = [:]) throws -> Stack {
            let stack = try Stack(workers: 2, environment: environment)
            let pdf = "\(stack.directory)/COMP_03_09_2024.pdf"
            try edition.write(to: pdf)
            try Shell.run(try Paths.binary(), ["ingest", pdf], environment: stack.poolEnvironment)
                .expectSuccess("ingest")
            try stack.start()
            return stack
        }

        /// Asks every question of `questions` and the out-of-corpus one; checks the pages, printed pages and
        /// quotes; returns each question's citations.
        static func expectRightPages(on stack: Stack, _ store: String) throws -> [[Cited]] {
            var all: [[Cited]] = []
            for (question, page) in questions {
                let response = try stack.chat(["question": question])
                #expect(response.status == 200, "\(store): \(question): \(response.body)")
                let body = try response.json()
                #expect(body["provider"] as? String == "extractive", "\(store): \(question)")
                let answer = try #require(body["answer"] as? String, "\(store): \(question)")
                let citations = try #require(body["citations"] as? [[String: Any]], "\(store): \(question)")
                let first = try #require(citations.first, "\(store): \(question): no citation in \(answer)")
                #expect(
                    citationMarkers(answer) == Set(citations.compactMap { $0["n"] as? Int }), "\(store): \(answer)")
                #expect(first["page"] as? Int == page, "\(store): \(question): \(answer)")
                #expect(first["printed_page"] as? String == edition.printedPage(page), "\(store): \(question)")
                #expect(first["edition_number"] as? String == String(edition.number), "\(store): \(question)")
                var cited: [Cited] = []
                for citation in citations {
                    let quote = try #require(citation["quote"] as? String)
                    let url = try #require(citation["url"] as? String)
                    let pageText = try stack.get(url).json()["text"] as? String
                    #expect(pageText?.contains(quote) == true, "\(store): «\(quote)» is not verbatim text of \(url)")
                    cited.append(
                        Cited(
                            title: citation["document_title"] as? String ?? "", page: citation["page"] as? Int ?? 0,
                            quote: quote))
                }
                all.append(cited)
            }
            let nothing = try stack.chat(["question": outOfCorpus]).json()
            #expect(nothing["answer"] as? String == notFound, "\(store): \(nothing)")
            #expect((nothing["citations"] as? [Any])?.isEmpty == true, "\(store): \(nothing)")
            return all
        }

        @Test func answersCiteThePageThatHoldsTheFact() throws {
            let stack = try Self.startStack()
            defer { stack.stop() }
            let cited = try Self.expectRightPages(on: stack, "SQLite")
            #expect(cited.count == Self.questions.count)
        }

        @Test(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
        func bothStoresCiteTheSame() throws {
            let server = try PostgresServer()
            defer { server.stop() }
            let postgres = try Self.startStack(["GACETACHAT_DATABASE_URL": try server.createDatabase()])
            defer { postgres.stop() }
            let onPostgres = try Self.expectRightPages(on: postgres, "PostgreSQL")
            postgres.stop()
            let sqlite = try Self.startStack()
            defer { sqlite.stop() }
            let onSQLite = try Self.expectRightPages(on: sqlite, "SQLite")
            for (index, question) in Self.questions.enumerated() {
                #expect(onPostgres[index] == onSQLite[index], "\(question.text)")
            }
        }

        /// A question the langosta notice (page 7) answers in part and the market's (page 5) in part: each page holds
        /// two of its four words, so the model is sent both (candidates are the chunks holding the 3 rarest words of
        /// a question when none is rare, as none is in nine pages).
        static let modelQuestion = "¿Qué se decidió sobre la langosta de Papagayo y sobre el mercado de Turrialba?"

        /// The passage numbers of a chat request sent to the model: the one on PDF page 7 that holds the langosta
        /// notice, and one from another page (nil when the request holds no such pair).
        static func rightAndWrong(_ request: OpenAIStubServer.Recorded) -> (right: Int, wrong: Int)? {
            let messages = request.json?["messages"] as? [[String: Any]]
            guard let user = messages?.last?["content"] as? String else { return nil }
            var right: Int?
            var wrong: Int?
            // Each passage: "⟦Pn id⟧ edition · title · página N (impresa M)", its text, "⟦/Pn id⟧".
            for block in user.components(separatedBy: "\n⟦P").dropFirst() {
                let digits = block.prefix { $0.isNumber }
                guard let number = Int(digits), let headingEnd = block.firstIndex(of: "\n") else { continue }
                let heading = block[..<headingEnd]
                let onPage7 = heading.contains("· página 7 ") || heading.hasSuffix("· página 7")
                if onPage7 && block.contains("langosta espinosa") {
                    right = right ?? number
                } else if !onPage7 {
                    wrong = wrong ?? number
                }
            }
            guard let right, let wrong else { return nil }
            return (right, wrong)
        }

        /// The notice's first fact, supported by page 7's passage and marked with a wrong passage and the right one;
        /// its second, marked with the wrong passage only; its second again, in other words, marked right.
        static let mixed: @Sendable (OpenAIStubServer.Recorded) -> String = { request in
            guard let (right, wrong) = rightAndWrong(request) else { return "Sin dos pasajes distintos." }
            return
                "Se establece una veda para la captura de langosta espinosa en el Golfo de Papagayo [\(wrong)][\(right)]. "
                + "Los guardacostas decomisarán las nasas y los trasmallos durante la veda [\(wrong)]. "
                + "Durante la veda los guardacostas decomisarán las nasas que encuentren en el golfo [\(right)]."
        }

        /// The first fact, supported by page 7's passage, marked with another passage only.
        static let onlyWrong: @Sendable (OpenAIStubServer.Recorded) -> String = { request in
            guard let (_, wrong) = rightAndWrong(request) else { return "Sin dos pasajes distintos." }
            return "Se establece una veda para la captura de langosta espinosa en el Golfo de Papagayo [\(wrong)]."
        }

        /// The answer the stub's `mixed` reply comes to once wrong markers and unsupported sentences are gone.
        static func corrected(right: Int) -> String {
            "Se establece una veda para la captura de langosta espinosa en el Golfo de Papagayo [\(right)]. "
                + "Durante la veda los guardacostas decomisarán las nasas que encuentren en el golfo [\(right)]."
        }

        /// A stack whose model is a stub answering with `reply`, holding the edition.
        static func startStack(model: OpenAIStubServer) throws -> Stack {
            try startStack([
                "GACETACHAT_LLM_BASE_URL": model.baseURL, "GACETACHAT_LLM_MODEL": "stub-model",
                "GACETACHAT_LLM_TIMEOUT": "20s",
            ])
        }

        @Test func aModelCitingAWrongPassageIsCorrectedStreamedAndNot() throws {
            let model = try OpenAIStubServer(mode: .reply(Self.mixed))
            defer { model.stop() }
            let stack = try Self.startStack(model: model)
            defer { stack.stop() }

            let body = try stack.chat(["question": Self.modelQuestion]).json()
            let request = try #require(model.requests.last)
            let (right, _) = try #require(Self.rightAndWrong(request), "the model was sent one passage: \(body)")
            #expect(body["provider"] as? String == "openai", "\(body)")
            #expect(body["answer"] as? String == Self.corrected(right: right), "\(body)")
            let citations = try #require(body["citations"] as? [[String: Any]])
            #expect(citations.compactMap { $0["n"] as? Int } == [right], "\(citations)")
            #expect(citations.compactMap { $0["page"] as? Int } == [7], "\(citations)")

            let events = try stack.chatEvents(["question": Self.modelQuestion])
            let done = try #require(events.last, "no event")
            #expect(done.name == "done")
            let streamed = try done.json()
            #expect(streamed["provider"] as? String == "openai", "\(streamed)")
            #expect(streamed["answer"] as? String == Self.corrected(right: right), "\(streamed)")
            let shown = try events.filter { $0.name == "token" }.map { try $0.json()["text"] as? String ?? "" }
            #expect(shown.joined() == Self.corrected(right: right), "only checked sentences are sent as tokens")
            #expect(model.requests.count == 2)
        }

        @Test func aModelCitingOnlyWrongPassagesFallsBackStreamedAndNot() throws {
            let model = try OpenAIStubServer(mode: .reply(Self.onlyWrong))
            defer { model.stop() }
            let stack = try Self.startStack(model: model)
            defer { stack.stop() }

            let body = try stack.chat(["question": Self.modelQuestion]).json()
            #expect(Self.rightAndWrong(try #require(model.requests.last)) != nil, "the model was sent one passage")
            #expect(body["provider"] as? String == "extractive", "\(body)")
            #expect(body["fallback_reason"] as? String == "unsupported_citations", "\(body)")
            let offline = try #require(body["answer"] as? String)
            #expect(
                !offline.contains(
                    "Se establece una veda para la captura de langosta espinosa en el Golfo de Papagayo ["))
            let citations = try #require(body["citations"] as? [[String: Any]])
            #expect(
                citations.contains { $0["page"] as? Int == 7 }, "the offline answer quotes the langosta's page: \(body)"
            )

            let events = try stack.chatEvents(["question": Self.modelQuestion])
            let done = try #require(events.last, "no event")
            #expect(done.name == "done")
            let streamed = try done.json()
            #expect(streamed["provider"] as? String == "extractive", "\(streamed)")
            #expect(streamed["fallback_reason"] as? String == "unsupported_citations", "\(streamed)")
            #expect(streamed["answer"] as? String == offline, "the stream ends with the offline answer")
            let shown = try events.filter { $0.name == "token" }.map { try $0.json()["text"] as? String ?? "" }
            #expect(shown.joined() == offline, "nothing of the model's answer was shown")
        }
    }
}
