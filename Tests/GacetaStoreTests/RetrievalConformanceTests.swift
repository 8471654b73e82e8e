import GacetaAPI
import GacetaChat
import GacetaCore
import GacetaQuery
import GacetaSearch
import Testing

/// Chat retrieval and Buscar's relaxed search over each real store.
@Suite struct RetrievalConformanceTests {
    /// 3,000 chunks newer than the one that answers, all holding the question's common words: the answering
    /// chunk is still among the reranked candidates, and first.
    @Test(arguments: StoreKind.testable) func anOldAnswerSurvivesThousandsOfNewerMatches(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let answer = "El proyecto de ley crea el Fondo Nacional de Reparación Histórica para los pueblos afectados."
        try harness.store.ingest(
            StoreFixture.document(
                path: "/old.pdf", date: "2019-02-01", number: "20", title: "Proyecto de ley", pages: [(nil, [answer])]))
        for batch in 0..<3 {
            let pages = (0..<10).map { page -> (String?, [String]) in
                (
                    nil,
                    (0..<100).map { line in
                        "El proyecto de ley \(batch * 1000 + page * 100 + line) del congreso sobre el fondo fue archivado."
                    }
                )
            }
            try harness.store.ingest(
                StoreFixture.document(
                    path: "/new-\(batch).pdf", sha: "b\(batch)", date: "2024-0\(batch + 1)-10", number: "\(batch + 1)",
                    title: "Proyectos", pages: pages))
        }
        let retriever = Retriever(
            search: { try harness.store.search($0) }, statistics: { try harness.store.termStatistics(stems: $0) })
        let question = "¿Qué proyecto de ley del congreso propone un fondo de reparación histórica?"
        let retrieval = try retriever.retrieve(question, history: [], limit: 8)
        // "proyecto", "ley", "congreso" and "fondo" are in every chunk, "propone" in none: the rare words draw the
        // candidates.
        #expect(retrieval.candidateWords == ["reparación", "histórica"])
        #expect(retrieval.considered.contains { $0.text == answer })
        #expect(retrieval.passages.first?.text == answer)
        let reply = try ChatService(retriever: retriever, provider: nil).answer(
            question: question, history: [], onToken: nil)
        #expect(reply.citations.first?.documentTitle == "Proyecto de ley")
    }

    /// Chunks and each stem's chunks over the whole index, as the index holds them (any form of the word, numbers
    /// as written); a stem found nowhere counts 0, and a new document moves the figures.
    @Test(arguments: StoreKind.testable) func termStatisticsCountChunksOverTheWholeIndex(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(StoreFixture.salary)
        try harness.store.ingest(StoreFixture.tender)
        let stems = IndexTerms().tokens("salario canciones licitación 2024ln zzqx").map(\.stem)
        var statistics = try harness.store.termStatistics(stems: stems)
        #expect(statistics.chunks == 4)
        // "Salario" is in the decree's title (indexed with its first chunk) and on its page 13.
        #expect(statistics.documentFrequency[stems[0]] == 2, "\(statistics)")
        #expect(statistics.documentFrequency[stems[1]] == 1, "\(statistics)")
        // "Licitación" is in the tender's title and its text: one chunk.
        #expect(statistics.documentFrequency[stems[2]] == 1, "\(statistics)")
        #expect(statistics.documentFrequency[stems[4]] == 0)
        try harness.store.ingest(
            StoreFixture.document(
                path: "/gaceta/131.pdf", sha: "c", date: "2024-07-17", number: "131", title: "Otro aviso",
                pages: [(nil, ["El salario de los jueces.", "Otra licitación de la CCSS."])]))
        statistics = try harness.store.termStatistics(stems: stems)
        #expect(statistics.chunks == 6)
        #expect(statistics.documentFrequency[stems[0]] == 3)
        #expect(statistics.documentFrequency[stems[2]] == 2)
    }

    @Test(arguments: StoreKind.testable) func relaxedSearchRanksByWordsMatchedAndSaysSo(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(StoreFixture.salary)
        try harness.store.ingest(StoreFixture.tender)
        let search = RelaxedSearch(index: harness.store)
        let words = SearchExpression(required: [[.word("salario")], [.word("mínimo")], [.word("medicamentos")]])
        let relaxed = try search.search(SearchRequest(expression: words))
        #expect(relaxed.relaxed)
        #expect(relaxed.results.total >= 2)
        // The decree holds two of the three words (in its title or its text), the tender one: it comes last.
        let titles = relaxed.results.hits.map(\.documentTitle)
        #expect(titles.first == "Decreto sobre el salario mínimo")
        #expect(titles.last == "Licitación de la CCSS", "\(titles)")

        let strict = try search.search(SearchRequest(expression: words), allowed: false)
        #expect(!strict.relaxed)
        #expect(strict.results.total == 0)

        let found = try search.search(SearchRequest(expression: SearchExpression(required: [[.word("salario")]])))
        #expect(!found.relaxed, "a search that finds something is not relaxed")
    }
}
