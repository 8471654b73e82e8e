import Foundation
import GacetaCore
import GacetaQuery
import GacetaStore
import TestSupport
import Testing

/// Conformance, run against every `StoreKind`: `SearchIndex`: ranked hits, snippets, filters and the search language.
@Suite struct SearchIndexConformanceTests {
    @Test(arguments: StoreKind.testable) func hitsCiteEditionDocumentAndTheRightPage(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(StoreFixture.salary)
        try harness.store.ingest(StoreFixture.tender)
        let results = try harness.search(["domésticos"])
        #expect(results.total == 1)
        let hit = try #require(results.hits.first)
        #expect(hit.page == 2)
        #expect(hit.printedPage == "13")
        #expect(hit.editionDate == "2024-07-15")
        #expect(hit.editionNumber == "129")
        #expect(hit.documentTitle == "Decreto sobre el salario mínimo")
        #expect(hit.snippet.contains("<mark>domésticos</mark>"))
    }

    @Test(arguments: StoreKind.testable) func snippetsAreHTMLEscaped(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(
            StoreFixture.document(path: "/x.md", title: "Aviso", pages: [(nil, ["Tarifa <b>nueva</b> & vigente"])]))
        let hit = try #require(try harness.search(["tarifa"]).hits.first)
        #expect(hit.snippet.contains("&lt;b&gt;"))
        #expect(hit.snippet.contains("&amp;"))
        #expect(!hit.snippet.contains("<b>"))
    }

    /// Chat reads the text only: without snippets the hits are the same, in the same order, with the same text.
    @Test(arguments: StoreKind.testable) func hitsWithoutSnippetsAreTheSameHits(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(StoreFixture.salary)
        try harness.store.ingest(StoreFixture.tender)
        let expression = SearchExpression(required: [[.word("salario"), .word("licitación")]])
        var request = SearchRequest(expression: expression, perPage: 10)
        let marked = try harness.store.search(request)
        request.snippets = false
        let plain = try harness.store.search(request)
        #expect(!marked.hits.isEmpty)
        #expect(plain.hits.map(\.chunkID) == marked.hits.map(\.chunkID))
        #expect(plain.hits.map(\.text) == marked.hits.map(\.text))
        #expect(plain.hits.allSatisfy { $0.snippet.isEmpty })
        #expect(marked.hits.allSatisfy { !$0.snippet.isEmpty })
        #expect(marked.hits.contains { $0.snippet.contains("<mark>") })
    }

    @Test(arguments: StoreKind.testable) func titleMatchesRankAboveBodyMatches(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(
            StoreFixture.document(path: "/a", title: "Aviso general", pages: [(nil, ["Habla de la vacuna una vez."])]))
        try harness.store.ingest(
            StoreFixture.document(
                path: "/b", title: "Vacuna contra la influenza", pages: [(nil, ["Campaña nacional."])]))
        let results = try harness.search(["vacuna"])
        #expect(results.hits.map(\.documentTitle) == ["Vacuna contra la influenza", "Aviso general"])
    }

    @Test(arguments: StoreKind.testable) func filtersAndPagination(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(StoreFixture.salary)
        try harness.store.ingest(StoreFixture.tender)
        #expect(try harness.search(["la"]).total >= 2)
        #expect(
            try harness.search(["la"]) { $0.from = "2024-07-16" }.hits.allSatisfy { $0.editionDate == "2024-07-16" })
        #expect(try harness.search(["la"]) { $0.to = "2024-07-15" }.hits.allSatisfy { $0.editionDate == "2024-07-15" })
        #expect(
            try harness.search(["la"]) { $0.section = "licitaciones" }.hits.allSatisfy { $0.editionNumber == "130" })
        #expect(try harness.search(["la"]) { $0.edition = "129" }.hits.allSatisfy { $0.editionNumber == "129" })

        let all = try harness.search(["la"]) { $0.perPage = 100 }
        let first = try harness.search(["la"]) { $0.perPage = 1 }
        let second = try harness.search(["la"]) {
            $0.perPage = 1; $0.page = 2
        }
        #expect(first.total == all.total)
        #expect(first.hits.map(\.chunkID) == [all.hits[0].chunkID])
        #expect(second.hits.map(\.chunkID) == [all.hits[1].chunkID])
    }

    @Test(arguments: StoreKind.testable) func phrasesExclusionsAlternativesAndPrefixes(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(StoreFixture.salary)
        try harness.store.ingest(StoreFixture.tender)
        func total(_ expression: SearchExpression) throws -> Int {
            try harness.store.search(SearchRequest(expression: expression)).total
        }
        // In the title (first chunk) and on page 2.
        #expect(try total(SearchExpression(required: [[.phrase(["salario", "mínimo"])]])) == 2)
        #expect(try total(SearchExpression(required: [[.phrase(["mínimo", "salario"])]])) == 0)
        #expect(try total(SearchExpression(required: [[.word("ccss"), .word("calzado")]])) == 2)
        #expect(try total(SearchExpression(required: [[.word("licitación")]], excluded: [.word("medicamentos")])) == 0)
        #expect(try total(SearchExpression(required: [[.prefix("medicam")]])) == 1)
        // Quotes and FTS5 syntax in a word are text, never syntax.
        #expect(try total(SearchExpression(required: [[.word("\"ccss OR x\" NEAR(")]])) == 0)
        #expect(try total(SearchExpression(required: [[.word("¿?")]])) == 0)
    }

    @Test(arguments: StoreKind.testable) func prefixesMatchWhatWasWrittenWhileWordsMatchByStem(_ kind: StoreKind) throws
    {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(
            StoreFixture.document(
                path: "/p", title: "Avisos",
                pages: [
                    (nil, ["La contratación directa de servicios."]), (nil, ["El contrato de alquiler vence."]),
                    (nil, ["Tres licitaciones públicas abiertas."]),
                ]))
        func pages(_ atom: QueryAtom) throws -> [Int] {
            try harness.store.search(SearchRequest(expression: SearchExpression(required: [[atom]]))).hits.map(\.page)
                .sorted()
        }
        #expect(try pages(.prefix("contrata")) == [1])
        #expect(try pages(.prefix("contrat")) == [1, 2])
        #expect(try pages(.prefix("licitacio")) == [3])
        #expect(try pages(.word("licitación")) == [3])
        #expect(try pages(.word("contratos")) == [1, 2], "the stem \"contrat\" is shared")
    }

    @Test(arguments: StoreKind.testable) func aBroadQueryRanksItsNewestMatchesAndKeepsAnExactTotal(_ kind: StoreKind)
        throws
    {
        let harness = try StoreHarness(kind)
        let count = 2_100
        try harness.store.ingest(
            StoreFixture.document(
                path: "/broad", title: "Ley general",
                pages: (0..<count).map { (nil, ["La ley número \($0) regula el registro \($0)."]) }))
        let results = try harness.search(["ley"]) { $0.perPage = 5 }
        #expect(results.total == count)
        #expect(results.hits.count == 5)
        let deep = try harness.search(["ley"]) {
            $0.perPage = 100; $0.page = 21
        }
        #expect(deep.hits.count == 100, "pages past the ranking window still fill")
    }
}

/// Issue 15, row 8: a total is counted up to 10,000; past it the store says 10,000, not exact.
@Suite struct CountedTotalTests {
    @Test(arguments: StoreKind.testable) func totalsAreExactUpToTenThousandThenCapped(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let chunks = (0...SearchResults.maximumCountedTotal).map { "Aviso \($0): la ley número \($0) se publica." }
        let pages = stride(from: 0, to: chunks.count, by: 500).map { start in
            (String?.none, Array(chunks[start..<min(start + 500, chunks.count)]))
        }
        try harness.store.ingest(StoreFixture.document(path: "/many.md", title: "Avisos", pages: pages))
        let broad = try harness.search(["ley"])
        #expect(broad.total == SearchResults.maximumCountedTotal && !broad.totalExact, "\(broad.total)")
        let narrow = try harness.search(["7777"])
        #expect(narrow.total == 1 && narrow.totalExact)
    }
}
