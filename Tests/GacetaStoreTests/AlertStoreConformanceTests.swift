import GacetaCore
import GacetaQuery
import GacetaStore
import TestSupport
import Testing

/// Conformance, run against every `StoreKind`: `AlertStore` (subscriptions, what each was sent, confirmation
/// counts, the do-not-mail list) and `NoticeFeed` (matching notices, newest edition first).
@Suite struct AlertStoreConformanceTests {
    static func subscription(_ id: String, hash: String = String(repeating: "b", count: 64)) -> AlertSubscription {
        AlertSubscription(
            id: id, email: "maria@example.org", addressHash: hash, query: "salario mínimo", section: nil,
            type: "decreto", frequency: .edition, createdAt: "2026-01-01T00:00:00Z")
    }

    @Test(arguments: StoreKind.testable) func subscriptionsLiveConfirmAndGo(_ kind: StoreKind) throws {
        let store = try StoreHarness(kind).store
        let first = Self.subscription(String(repeating: "1", count: 32))
        try store.createAlert(first)
        #expect(try store.alert(id: first.id) == first)
        #expect(try store.confirmedAlerts().isEmpty)
        #expect(try store.confirmAlert(id: first.id, at: "2026-01-02T00:00:00Z"))
        #expect(try store.confirmAlert(id: first.id, at: "2026-01-03T00:00:00Z"), "confirming twice is harmless")
        #expect(try store.alert(id: first.id)?.confirmedAt == "2026-01-02T00:00:00Z", "the first confirmation stays")
        #expect(try store.confirmedAlerts().map(\.id) == [first.id])
        #expect(try !store.confirmAlert(id: String(repeating: "9", count: 32), at: "2026-01-02T00:00:00Z"))

        var changed = first
        changed.query = "tarifa agua"
        changed.frequency = .weekly
        #expect(try store.updateAlert(changed))
        #expect(try store.alert(id: first.id)?.query == "tarifa agua")
        #expect(try store.alert(id: first.id)?.frequency == .weekly)

        try store.recordAlertSent(subscriptionID: first.id, keys: ["a", "b"], at: "2026-01-04T00:00:00Z")
        try store.recordAlertSent(subscriptionID: first.id, keys: ["b", "c"], at: "2026-01-05T00:00:00Z")
        #expect(try store.sentAlertKeys(subscriptionID: first.id, among: ["a", "c", "d"]) == ["a", "c"])
        #expect(try store.alert(id: first.id)?.lastSentAt == "2026-01-05T00:00:00Z")
        #expect(try store.alertCounts().sentNotices == 3)

        #expect(try store.deleteAlert(id: first.id))
        #expect(try !store.deleteAlert(id: first.id))
        #expect(try store.alert(id: first.id) == nil)
        #expect(
            try store.alertCounts()
                == AlertCounts(
                    confirmed: 0, unconfirmed: 0, weekly: 0, addresses: 0, doNotMail: 0, sentNotices: 0))
    }

    @Test(arguments: StoreKind.testable) func unconfirmedRequestsArePurgedAndAnAddressIsErasedWhole(
        _ kind: StoreKind
    ) throws {
        let store = try StoreHarness(kind).store
        let hash = String(repeating: "c", count: 64)
        let old = Self.subscription(String(repeating: "2", count: 32), hash: hash)
        var recent = Self.subscription(String(repeating: "3", count: 32), hash: hash)
        recent.createdAt = "2026-01-10T00:00:00Z"
        try store.createAlert(old)
        try store.createAlert(recent)
        try store.recordAlertConfirmation(addressHash: hash, at: "2026-01-01T00:00:00Z")
        try store.recordAlertConfirmation(addressHash: hash, at: "2026-01-10T00:00:00Z")
        #expect(try store.alertConfirmations(addressHash: hash, since: "2026-01-09T00:00:00Z") == 1)
        #expect(try store.purgeUnconfirmedAlerts(before: "2026-01-08T00:00:00Z") == 1)
        #expect(try store.alerts(addressHash: hash).map(\.id) == [recent.id])
        #expect(try store.alertConfirmations(addressHash: hash, since: "2000-01-01T00:00:00Z") == 1)

        try store.addDoNotMail(addressHash: hash, at: "2026-01-11T00:00:00Z")
        try store.addDoNotMail(addressHash: hash, at: "2026-01-12T00:00:00Z")
        #expect(try store.isDoNotMail(addressHash: hash))
        #expect(try store.alertCounts().doNotMail == 1)
        #expect(try store.deleteAlertAddress(addressHash: hash) == 1)
        #expect(try !store.isDoNotMail(addressHash: hash))
        #expect(try store.alertConfirmations(addressHash: hash, since: "2000-01-01T00:00:00Z") == 0)
    }

    @Test(arguments: StoreKind.testable) func noticesComeNewestFirstWithEveryWordAndTheirFilters(
        _ kind: StoreKind
    ) throws {
        let store = try StoreHarness(kind).store
        try store.ingest(StoreFixture.salary)
        let later = StoreFixture.document(
            path: "/gaceta/131.pdf", date: "2024-07-17", number: "131", title: "Otro decreto del salario mínimo",
            pages: [(nil, ["El salario mínimo de las trabajadoras domésticas se revisa."])])
        try store.ingest(later)
        try store.ingest(StoreFixture.tender)
        func notices(_ words: [String], type: String? = nil, _ configure: (inout SearchRequest) -> Void = { _ in })
            throws -> [NoticeEntry]
        {
            var request = SearchRequest(expression: SearchExpression(required: words.map { [QueryAtom.word($0)] }))
            configure(&request)
            return try store.recentNotices(matching: request, type: type, limit: 50)
        }
        let found = try notices(["salario", "mínimo"])
        #expect(found.map(\.editionDate) == ["2024-07-17", "2024-07-15"], "newest edition first")
        #expect(found[1].page == 1, "the title (page 1) holds both words: \(found)")
        #expect(try notices(["domésticos", "aumenta"]).map(\.page) == [2], "the first page holding a match")
        #expect(try notices(["salario", "licitación"]).isEmpty, "every word, never relaxed")
        #expect(try notices(["salario"], type: "licitación").isEmpty)
        #expect(try notices(["salario"]) { $0.from = "2024-07-16" }.map(\.editionDate) == ["2024-07-17"])
        #expect(try notices(["licitación"]) { $0.section = "Licitaciones" }.count == 1)
        let request = SearchRequest(expression: SearchExpression(required: [[.word("salario")]]))
        #expect(
            try store.recentNotices(matching: request, type: nil, storedSince: "2000-01-01T00:00:00Z", limit: 9).count
                == 2)
        #expect(
            try store.recentNotices(matching: request, type: nil, storedSince: "2999-01-01T00:00:00Z", limit: 9)
                .isEmpty,
            "only what was stored since")
        #expect(
            try store.recentNotices(
                matching: SearchRequest(expression: SearchExpression(required: [[.word("salario")]])), type: nil,
                limit: 1
            ).count == 1)
    }
}
