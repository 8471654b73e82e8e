import GacetaCore
import GacetaStore
import Testing

/// The admin operations, on every store (part of the conformance suite).
@Suite struct StoreAdminTests {
    @Test(arguments: StoreKind.testable) func adminTokensAreStoredHashedUniqueAndRevocable(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let first = AdminToken(name: "ci", sha256: String(repeating: "a", count: 64), createdAt: "2024-07-15T10:00:00Z")
        try harness.store.createAdminToken(first)
        try harness.store.createAdminToken(
            AdminToken(name: "ops", sha256: String(repeating: "b", count: 64), createdAt: "2024-07-15T11:00:00Z"))
        #expect(try harness.store.adminTokens().map(\.name) == ["ci", "ops"])
        #expect(try harness.store.adminTokens().first == first)
        #expect(throws: StoreError.self) { try harness.store.createAdminToken(first) }
        #expect(try harness.store.revokeAdminToken(name: "ci"))
        #expect(!(try harness.store.revokeAdminToken(name: "ci")))
        #expect(try harness.store.adminTokens().map(\.name) == ["ops"])
        #expect(try harness.store.contents().isEmpty, "tokens are not content")
    }

    @Test(arguments: StoreKind.testable) func removingADocumentOrAnEditionTakesItOutOfSearch(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        guard case .inserted(let salary) = try harness.store.ingest(StoreFixture.salary),
            case .inserted(let tender) = try harness.store.ingest(StoreFixture.tender)
        else { Issue.record("ingest failed"); return }
        #expect(try harness.store.removeDocument(id: salary) == .removed)
        #expect(try harness.store.removeDocument(id: salary) == .notFound)
        #expect(try harness.search(["domésticos"]).total == 0)
        #expect(try harness.search(["medicamentos"]).total == 1)

        let edition = try #require(try harness.store.document(id: tender)?.editionID)
        #expect(try harness.store.removeEdition(id: edition) == 1)
        #expect(try harness.store.removeEdition(id: edition) == nil)
        #expect(try harness.search(["medicamentos"]).total == 0)
        #expect(try harness.store.edition(date: "2024-07-16").isEmpty)
        #expect(try harness.store.contents().documents == 0)
    }

    @Test(arguments: StoreKind.testable) func reindexKeepsTheSameResults(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(StoreFixture.salary)
        try harness.store.ingest(StoreFixture.tender)
        let queries = [["salario"], ["medicamentos"], ["canción"], ["ccss"]]
        let before = try queries.map { try harness.search($0) }
        #expect(try harness.store.reindex() == 4)
        let after = try queries.map { try harness.search($0) }
        #expect(after.map(\.total) == before.map(\.total))
        #expect(after.map { $0.hits.map(\.snippet) } == before.map { $0.hits.map(\.snippet) })
        #expect(after.allSatisfy { $0.total > 0 }, "every query still finds something")
    }
}
