import Foundation
import GacetaCore
import GacetaQuery
import GacetaSQLite
import GacetaStore
import TestSupport
import Testing

/// Two workers' connections on one file: reads must not pin old snapshots that make later writes fail.
@Suite struct SQLiteSnapshotTests {
    @Test func aWorkerCanWriteAfterReadingWhileAnotherWorkerCommits() throws {
        let directory = try Paths.temporaryDirectory("snapshot")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/shared.db"
        let first = try SQLiteStore(path: path)
        try first.migrate()
        let second = try SQLiteStore(path: path)
        try first.ingest(StoreFixture.salary)
        for round in 0..<5 {
            // Worker 1 reads (every kind of single-row and multi-row read)...
            _ = try first.search(SearchRequest(expression: SearchExpression(required: [[.word("salario")]])))
            _ = try first.editions(limit: 5, offset: 0)
            _ = try first.conversation(id: "none")
            // ...worker 2 commits...
            try second.createConversation(id: "other\(round)", now: "2024-07-15T00:00:0\(round)Z")
            // ...and worker 1 can still write, and sees worker 2's commit.
            try first.createConversation(id: "mine\(round)", now: "2024-07-15T00:00:0\(round)Z")
            #expect(try first.conversation(id: "other\(round)") != nil)
        }
    }
}
