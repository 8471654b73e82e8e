import Foundation
import GacetaCore
import GacetaQuery
import GacetaStore
import TestSupport
import Testing

/// Conformance, run against every `StoreKind`: `EditionCatalogue`: editions, documents, pages and their sources.
@Suite struct EditionCatalogueConformanceTests {
    @Test(arguments: StoreKind.testable) func browsingEditionsDocumentsAndPages(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(StoreFixture.salary)
        try harness.store.ingest(StoreFixture.tender)
        let editions = try harness.store.editions(limit: 10, offset: 0)
        #expect(editions.map(\.date) == ["2024-07-16", "2024-07-15"])
        #expect(editions.map(\.documentCount) == [1, 1])
        let edition = try #require(try harness.store.edition(date: "2024-07-15").first)
        let documents = try harness.store.documents(editionID: edition.id)
        #expect(documents.map(\.title) == ["Decreto sobre el salario mínimo"])
        let page = try #require(try harness.store.page(documentID: documents[0].id, index: 3))
        #expect(page.printedNumber == "14")
        #expect(page.text.contains("canciones"))
        #expect(try harness.store.page(documentID: documents[0].id, index: 4) == nil)
    }

    @Test(arguments: StoreKind.testable) func aDocumentKnowsTheFileItCameFrom(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let sha = String(repeating: "5e", count: 32)
        var salary = StoreFixture.salary
        salary.sourceSHA256 = sha
        let id = try #require(
            {
                if case .inserted(let id) = $0 { return id }
                return nil
            }(try harness.store.ingest(salary)))
        let source = try #require(try harness.store.documentSource(id: id))
        #expect(source == DocumentSource(path: "/gaceta/129.pdf", sha256: sha))
        #expect(source.isPDF)
        #expect(try harness.store.documentSource(id: id + 1000) == nil)
    }
}
