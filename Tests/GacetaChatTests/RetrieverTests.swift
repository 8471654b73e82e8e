import GacetaChat
import GacetaCore
import GacetaQuery
import GacetaSearch
import Testing

@Suite struct RetrieverTests {
    /// An in-memory stand-in for the store's search: ranks the hits by how many of the searched words (folded,
    /// crude prefix match) they contain, drops those matching none, and records the requests.
    final class MemorySearch: @unchecked Sendable {
        let hits: [SearchHit]
        var requests: [SearchRequest] = []

        init(_ hits: [SearchHit]) { self.hits = hits }

        func search(_ request: SearchRequest) -> SearchResults {
            requests.append(request)
            let words = request.expression.required.flatMap { $0 }.compactMap { atom -> String? in
                switch atom {
                case .word(let word): String(fold(word).prefix(5))
                case .number(let digits): digits
                default: nil
                }
            }
            let ranked = hits.map { hit in (hit, words.filter { fold(hit.text).contains($0) }.count) }
                .filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.map(\.0)
            return SearchResults(
                total: ranked.count, page: 1, perPage: request.perPage, hits: Array(ranked.prefix(request.perPage)))
        }

        private func fold(_ text: String) -> String {
            String(
                text.lowercased().map { character -> Character in
                    switch character {
                    case "á": "a"
                    case "é": "e"
                    case "í": "i"
                    case "ó": "o"
                    case "ú": "u"
                    default: character
                    }
                })
        }
    }

    let memory = MemorySearch(Fixtures.passages + [Fixtures.fishing])
    var retriever: Retriever { Retriever(search: memory.search) }

    @Test func searchesTheContentWordsOnly() {
        let terms = retriever.searchTerms(for: "¿Qué se decidió sobre el precio del calzado escolar?", history: [])
        #expect(terms == ["precio", "calzado", "escolar"])
        #expect(retriever.searchTerms(for: "¿Cuándo se publicó la veda de pesca?", history: []) == ["veda", "pesca"])
        #expect(retriever.searchTerms(for: "¿Qué dice el Decreto N° 44.123?", history: []) == ["decreto", "44123"])
        #expect(
            retriever.searchTerms(for: "¿Qué Pasó con las Tarifas Eléctricas?", history: []) == [
                "tarifas", "eléctricas",
            ])
        // The verbs a question asks with, as a citizen conjugates them about someone else.
        #expect(
            retriever.searchTerms(
                for: "¿Qué documento necesita una empresa que quiere importar calzado?", history: []) == [
                    "documento", "empresa", "importar", "calzado",
                ])
    }

    /// A demonym brings its place's name, in any of its forms: the notice is headed MUNICIPALIDAD DE CARTAGO.
    @Test func aDemonymSearchesItsPlace() {
        for (question, place) in [
            ("¿Qué límite tienen las ciclovías cartaginesas?", ["cartago"]),
            ("¿Qué dice el reglamento cartaginés de ciclovías?", ["cartago"]),
            ("¿Cuántos diputados costarricenses hay?", ["costa", "rica"]),
            ("¿Qué ley aprobaron los congresistas colombianos?", ["colombia"]),
        ] {
            let terms = retriever.searchTerms(for: question, history: [])
            #expect(place.allSatisfy(terms.contains), "\(question): \(terms)")
        }
        #expect(!retriever.searchTerms(for: "¿Qué límite tienen las ciclovías?", history: []).contains("cartago"))
    }

    @Test func searchesOneOrGroupAndReturnsAtMostTheLimit() throws {
        let hits = try retriever.passages(for: "¿Cuál es el precio del calzado escolar?", history: [], limit: 2)
        let request = try #require(memory.requests.last)
        #expect(request.expression.required == [[.word("precio"), .word("calzado"), .word("escolar")]])
        #expect(request.perPage == Retriever.candidateCount, "every candidate is reranked")
        #expect(hits.count == 2)
        #expect(hits.first?.page == 3 || hits.first?.page == 4)
        #expect(!hits.contains { $0.documentID == 12 })
    }

    /// Two chunks of one page take one place: the considered list and the passages hold each page once (its best
    /// chunk), so a long page does not crowd out the others; furniture still sees every chunk.
    @Test func aPageIsConsideredOnce() throws {
        let first = Fixtures.hit("El precio máximo del calzado escolar es de ₡18.500.", page: 3, chunk: 301)
        let second = Fixtures.hit("El calzado escolar con ese precio se vende en todo el país.", page: 3, chunk: 302)
        let other = Fixtures.hit("El precio del calzado escolar rige desde agosto.", page: 4, chunk: 401)
        let retrieval = try Retriever(search: MemorySearch([first, second, other]).search).retrieve(
            "¿Cuál es el precio del calzado escolar?", history: [], limit: 8)
        let pages = retrieval.considered.map { "\($0.documentID):\($0.page)" }
        #expect(pages.count == 2 && Set(pages).count == 2, "\(pages)")
        #expect(retrieval.passages.count == 2)
        #expect(retrieval.coverage.count == 2)
        #expect(retrieval.chunks.count == 3)
    }

    /// A word typed with a capital inside the question is a name, and the page that names it comes first; typed in
    /// lower case it weighs as any word as rare, and the tie keeps the search's order.
    @Test func aNameTypedInTheQuestionWeighsMore() throws {
        let fair = Fixtures.hit("La feria del agricultor abre los sábados.", page: 1, chunk: 101)
        let named = Fixtures.hit("El mercado de Escazú abre los domingos.", page: 2, chunk: 201)
        let retriever = Retriever(search: MemorySearch([fair, named]).search)
        let typed = try retriever.retrieve("¿Qué días abre la feria de Escazú?", history: [], limit: 8)
        #expect(typed.considered.map(\.page) == [2, 1])
        let lower = try retriever.retrieve("¿qué días abre la feria de escazú?", history: [], limit: 8)
        #expect(lower.considered.map(\.page) == [1, 2])
    }

    /// «la CCSS» finds the tender headed CAJA COSTARRICENSE DE SEGURO SOCIAL over a page that says the question's
    /// other words more closely; typed in lower case, «ccss» is only a word, and that page stays first.
    @Test func anAcronymFindsThePageThatPrintsTheInstitutionsName() throws {
        let tender = Fixtures.hit(
            "CAJA COSTARRICENSE DE SEGURO SOCIAL. Compra de frascos de insulina humana para los hospitales. "
                + "Se recibirán ofertas hasta el 19 de agosto.", page: 4, chunk: 401)
        let other = Fixtures.hit("Ofertas de insulina: la proveeduría recibe ofertas de insulina.", page: 9, chunk: 901)
        let retriever = Retriever(search: MemorySearch([other, tender]).search)
        let typed = try retriever.retrieve("¿Hasta cuándo reciben ofertas de insulina en la CCSS?", history: [])
        #expect(typed.considered.map(\.page) == [4, 9])
        let lower = try retriever.retrieve("¿hasta cuándo reciben ofertas de insulina en la ccss?", history: [])
        #expect(lower.considered.map(\.page) == [9, 4])
    }

    /// A name typed in full finds the page that prints only the acronym (a rare word, where "instituto" is not).
    @Test func aNameTypedInFullFindsThePageThatPrintsItsAcronym() throws {
        let acronym = Fixtures.hit("El INS pagará la póliza de riesgos del trabajo.", page: 2, chunk: 201)
        let other = Fixtures.hit("El instituto cobra la póliza de riesgos, que se paga cada mes.", page: 6, chunk: 601)
        let retriever = Retriever(
            search: MemorySearch([other, acronym]).search,
            statistics: Self.statistics(
                ["póliza": 20, "riesgos": 30, "paga": 100, "instituto": 300, "nacional": 400, "seguros": 50, "ins": 5]))
        let typed = try retriever.retrieve("¿Qué póliza de riesgos paga el Instituto Nacional de Seguros?", history: [])
        #expect(typed.considered.map(\.page) == [2, 6])
    }

    @Test func onlyAcronymsTypedInCapitalsAreExpanded() throws {
        let memory = MemorySearch([Fixtures.shoesPrice])
        let retriever = Retriever(search: memory.search)
        func words(_ question: String) throws -> [String] {
            _ = try retriever.retrieve(question, history: [])
            return try #require(memory.requests.last).expression.required.first?.compactMap { atom in
                if case .word(let word) = atom { word } else { nil }
            } ?? []
        }
        #expect(
            try words("¿Qué nota pide la UNA para una beca?") == [
                "nota", "pide", "una", "universidad", "nacional", "beca",
            ])
        #expect(try !words("¿Qué nota pide la universidad para una beca?").contains("una"))
        #expect(
            try words("¿Cuánto cobra AyA?") == [
                "cobra", "aya", "instituto", "costarricense", "acueductos", "alcantarillados",
            ])
        #expect(try words("¿Cuánto cobra Aya?") == ["cobra", "aya"])
    }

    /// Index statistics of `chunks` chunks in which each word of `frequencies` (by its stem) is in so many.
    static func statistics(_ frequencies: [String: Int], chunks: Int = 1000) -> ([String]) -> IndexStatistics {
        let byStem = Dictionary(uniqueKeysWithValues: frequencies.map { (stem($0.key), $0.value) })
        return { stems in
            IndexStatistics(
                chunks: chunks, documentFrequency: Dictionary(uniqueKeysWithValues: stems.map { ($0, byStem[$0] ?? 0) })
            )
        }
    }

    static func stem(_ word: String) -> String { IndexTerms().tokens(word).first?.stem ?? word }

    @Test func rareWordsDrawTheCandidatesAndEveryWordIsWeighed() throws {
        // "precio" in 3 % of the chunks, "tiene" in 60 %, "calzado" in 0.3 %, "escolar" in 1 % (the limit),
        // "tope" in none.
        let retriever = Retriever(
            search: memory.search,
            statistics: Self.statistics(["precio": 30, "calzado": 3, "escolar": 10, "tiene": 600], chunks: 1000))
        let retrieval = try retriever.retrieve("¿Qué tope tiene el precio del calzado escolar?", history: [])
        #expect(retrieval.candidateWords == ["calzado", "escolar"])
        let request = try #require(memory.requests.last)
        // Ranked by BM25 over the rare words alone (the reranker weighs every word), the sumario left out, uncounted.
        #expect(request.expression.required == [[.word("calzado"), .word("escolar")]])
        #expect(!request.includesSumario && !request.countsTotal && !request.snippets)
        #expect(retrieval.passages.first?.page == 3 || retrieval.passages.first?.page == 4)
        // Whole-index IDF: the common word weighs least.
        let weight = { retrieval.weights[Self.stem($0)] ?? 0 }
        #expect(weight("precio") < weight("escolar"))
        #expect(weight("escolar") < weight("calzado"))
    }

    @Test func withNoWordInOnePercentThoseInFivePercentDrawTheCandidates() throws {
        // "régimen" in 3 % of the chunks, "civil" in 4 %, "aplica" in 15 %, "servicio" in 18 %: the three rarest
        // would bring "aplica"'s long list to rank.
        let retriever = Retriever(
            search: memory.search,
            statistics: Self.statistics(
                ["regimen": 30, "civil": 40, "aplica": 150, "servicio": 180], chunks: 1000))
        let retrieval = try retriever.retrieve(
            "¿Qué es el régimen del servicio civil y a quiénes se aplica?", history: [])
        #expect(retrieval.candidateWords == ["régimen", "civil"])
    }

    @Test func withNoRareWordTheThreeRarestDrawTheCandidates() throws {
        let retriever = Retriever(
            search: memory.search,
            statistics: Self.statistics(["precio": 400, "calzado": 300, "escolar": 200, "venta": 900], chunks: 1000))
        let retrieval = try retriever.retrieve("¿Precio de venta del calzado escolar?", history: [])
        #expect(retrieval.candidateWords == ["precio", "calzado", "escolar"])
    }

    @Test func numbersAreSearchedAsNumbers() throws {
        _ = try retriever.passages(for: "¿Qué dice la Ley N° 7472?", history: [])
        #expect(memory.requests.last?.expression.required == [[.word("ley"), .number("7472")]])
    }

    @Test func aQuestionWithoutContentWordsSearchesNothing() throws {
        #expect(try retriever.passages(for: "¿Qué?", history: []).isEmpty)
        #expect(memory.requests.isEmpty)
    }

    @Test func followUpAddsThePreviousQuestionsWords() throws {
        let history = [Fixtures.turn("¿Qué se decidió sobre el precio del calzado escolar?")]
        let terms = retriever.searchTerms(for: "¿Y cuándo entra en vigencia?", history: history)
        #expect(terms == ["entra", "vigencia", "precio", "calzado", "escolar"])
        // A follow-up of a follow-up still knows the subject.
        let longer = history + [Fixtures.turn("¿Y cuándo entra en vigencia?")]
        #expect(retriever.searchTerms(for: "¿Y las sanciones?", history: longer).contains("calzado"))
        // Short questions lean on the conversation too.
        #expect(
            retriever.searchTerms(for: "¿Cuánto cuesta?", history: history) == [
                "cuesta", "precio", "calzado", "escolar",
            ])
    }

    @Test func aNewSubjectStandsAlone() {
        let history = [Fixtures.turn("¿Qué se decidió sobre el precio del calzado escolar?")]
        let terms = retriever.searchTerms(for: "¿Cuándo empieza la veda de camarón en el golfo?", history: history)
        #expect(terms == ["empieza", "veda", "camarón", "golfo"])
    }

    @Test func followUpAnsweredFromThePageHoldingTheFact() throws {
        let history = [Fixtures.turn("¿Qué se decidió sobre el precio del calzado escolar?")]
        let traffic = Fixtures.hit(
            "La reforma al reglamento de tránsito entra en vigencia en enero de 2025.", page: 20, document: 30,
            title: "MOPT", date: "2024-07-17", edition: "131")
        let memory = MemorySearch(Fixtures.passages + [Fixtures.fishing, traffic])
        let service = ChatService(retriever: Retriever(search: memory.search), provider: nil)
        let answer = try service.answer(question: "¿Y cuándo entra en vigencia?", history: history, onToken: nil)
        let first = try #require(answer.citations.first)
        #expect(first.documentID == 10)
        #expect(first.page == 4)
        #expect(first.quote.contains("1 de agosto de 2024"))
        Checks.wellCited(answer, passages: memory.hits)
    }
}
