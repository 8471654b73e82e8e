import GacetaCore
import GacetaQuery
import Testing

/// Conformance: a search ranks every match, never only the newest ones, so an old passage that matches best comes
/// first however many newer passages match part of the query (issue 13: OR queries lost old matches).
@Suite struct OldMatchRankingTests {
    @Test(arguments: StoreKind.testable) func anOldChunkMatchingEveryAlternativeRanksFirst(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let answer = "El canon de arrendamiento del muelle de Golfito se revisará con la tarifa portuaria."
        try harness.store.ingest(
            StoreFixture.document(
                path: "/old.pdf", date: "2001-03-02", number: "44", title: "Aviso", pages: [(nil, [answer])]))
        // More newer matches of one alternative than any window a store could use (it was 2,000).
        let newer = (0..<25).map { page -> (String?, [String]) in
            (nil, (0..<100).map { line in "Aviso \(page * 100 + line) sobre el muelle municipal y su limpieza." })
        }
        try harness.store.ingest(
            StoreFixture.document(path: "/new.pdf", date: "2024-01-10", number: "7", title: "Avisos", pages: newer))
        let request = SearchRequest(
            expression: SearchExpression(required: [[.word("muelle"), .word("canon"), .word("portuaria")]]))
        let results = try harness.store.search(request)
        #expect(results.total == 2501)
        #expect(results.hits.first?.text == answer)
        #expect(results.hits.first?.editionDate == "2001-03-02")
    }
}

/// Conformance: an identifier in a phrase finds its text however the number mark is written (issue 13 §2).
@Suite struct IdentifierPhraseTests {
    @Test(arguments: StoreKind.testable) func aLawNumberPhraseFindsEveryWayOfWritingIt(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let texts = [
            "de la Ley Nº 29664, respectivamente.", "según la Ley N° 29664 vigente.", "conforme a la Ley 29664.",
        ]
        for (index, text) in texts.enumerated() {
            try harness.store.ingest(
                StoreFixture.document(path: "/\(index).md", sha: "\(index)", title: "Aviso", pages: [(nil, [text])]))
        }
        for phrase in [["Ley", "Nº", "29664"], ["ley", "29664"], ["Ley", "N°", "29.664"]] {
            let request = SearchRequest(expression: SearchExpression(required: [[.phrase(phrase)]]))
            #expect(try harness.store.search(request).total == 3, "\(phrase)")
        }
    }
}
