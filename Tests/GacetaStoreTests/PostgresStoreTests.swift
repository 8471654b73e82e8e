import Foundation
import GacetaCore
import GacetaPostgres
import GacetaStore
import TestSupport
import Testing

/// What only the PostgreSQL store has: a server that can go away and come back, several processes
/// migrating one database, URLs. Needs PostgreSQL: when it cannot be installed, `PostgresServer.shared`
/// says so loudly on stderr and these tests are skipped.
@Suite(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
struct PostgresStoreTests {
    @Test func aDatabaseThatGoesAwayIsUnavailableAndIsUsedAgainWhenItComesBack() throws {
        let server = try PostgresServer()  // a private cluster: stopping it must not disturb other tests
        defer { server.stop() }
        let store = try StoreFactory.open(url: try server.createDatabase())
        try store.migrate()
        try server.halt()
        do {
            try store.ping()
            Issue.record("ping succeeded with the server stopped")
        } catch {
            #expect(error.kind == .unavailable, "\(error)")
        }
        #expect(throws: StoreError.self) { try store.schemaVersion() }
        try server.start()
        try store.ping()
        let version = try store.schemaVersion()
        #expect(version.current == version.required)
    }

    @Test func anUnreachableServerOpensAndEveryCallIsUnavailable() throws {
        // A worker starts while the server is down: opening succeeds, calls throw `.unavailable` until it answers.
        let store = try StoreFactory.open(url: "postgresql://nobody@/nothing?host=/nonexistent-gacetachat")
        for _ in 0..<2 {
            do {
                try store.ping()
                Issue.record("reached a database that does not exist")
            } catch {
                #expect(error.kind == .unavailable)
                #expect(error.message.contains("/nonexistent-gacetachat") || error.message.contains("nothing"))
            }
        }
    }

    @Test func aWorkerStoreRefusesAnOutdatedSchemaOnceTheServerAnswers() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let url = try server.createDatabase()
        try server.halt()
        let store = try StoreFactory.open(url: url, requireCurrentSchema: true)
        #expect(throws: StoreError.self) { try store.ping() }
        try server.start()
        do {
            try store.ping()
            Issue.record("an empty database passed for a current schema")
        } catch {
            #expect(error.kind == .schemaOutdated, "\(error)")
        }
        try StoreFactory.open(url: url).migrate()
        try store.ping()
    }

    @Test func aURLLibpqCannotParseFailsAtOnce() {
        do {
            _ = try StoreFactory.open(url: "postgresql://u@/db?hots=/tmp")
            Issue.record("opened a URL with an unknown parameter")
        } catch {
            #expect(error.kind == .failed)
            #expect(error.message.contains("hots"), "\(error)")
        }
    }

    @Test func severalProcessesMigratingAtOnceApplyEachVersionOnce() throws {
        let server = try #require(PostgresServer.shared)
        let url = try server.createDatabase()
        let applied = LockedBox<[[Int]]>([])
        let failures = LockedBox<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                let versions = try PostgresStore(url: url).migrate()
                applied.mutate { $0.append(versions) }
            } catch {
                failures.mutate { $0.append("\(error)") }
            }
        }
        #expect(failures.value.isEmpty)
        let latest = try PostgresStore(url: url).schemaVersion().required
        // Each version once, from 1 to the latest (versions are numbered by the work that adds them, so a release
        // may lack one in between until that work lands).
        let versions = applied.value.flatMap { $0 }
        #expect(versions.count == Set(versions).count, "\(versions)")
        #expect(versions.min() == 1 && versions.max() == latest, "\(versions)")
    }

    @Test func quotesAndBackslashesAreStoredAsText() throws {
        let server = try #require(PostgresServer.shared)
        let store = try PostgresStore(url: try server.createDatabase())
        try store.migrate()
        let title = "O'Brien \\ \"x\"); DROP TABLE documents; --"
        let outcome = try store.ingest(
            StoreFixture.document(path: "/q'\\", title: title, pages: [(nil, ["it's a \\'test\\' of ':* & !x"])]))
        guard case .inserted(let id) = outcome else { Issue.record("expected insert, got \(outcome)"); return }
        let document = try #require(try store.document(id: id))
        #expect(document.title == title)
        #expect(try store.sourceDigest(path: "/q'\\") == "a")
        let hits = try store.search(SearchRequest(expression: .init(required: [[.word("test")]]))).hits
        #expect(hits.count == 1)
    }
}
