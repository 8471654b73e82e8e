import Foundation
import GacetaCore
import GacetaQuery
import GacetaStore
import TestSupport
import Testing

/// Conformance, run against every `StoreKind`: `DocumentSink`: what ingestion stores.
@Suite struct DocumentSinkConformanceTests {
    @Test(arguments: StoreKind.testable) func ingestIsIdempotentAndAChangedFileReplacesItsOldVersion(_ kind: StoreKind)
        throws
    {
        let harness = try StoreHarness(kind)
        let first = try harness.store.ingest(StoreFixture.salary)
        guard case .inserted(let id) = first else { Issue.record("expected insert, got \(first)"); return }
        #expect(try harness.store.ingest(StoreFixture.salary) == .unchanged(documentID: id))
        #expect(try harness.store.sourceDigest(path: "/gaceta/129.pdf") == "a")

        var changed = StoreFixture.salary
        changed.sourceSHA256 = "b"
        changed.pages[1].chunks = ["El salario de los jueces no cambia."]
        let outcome = try harness.store.ingest(changed)
        guard case .replaced(let newID) = outcome else { Issue.record("expected replace, got \(outcome)"); return }
        #expect(newID != id, "document ids are never reused")
        #expect(try harness.store.document(id: id) == nil)
        #expect(try harness.store.document(id: newID)?.pageCount == 3)
        #expect(try harness.search(["domésticos"]).total == 0)
        #expect(try harness.search(["jueces"]).total == 1)
    }
}
