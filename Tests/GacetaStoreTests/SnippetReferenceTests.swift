import GacetaCore
import GacetaQuery
import GacetaSearch
import Testing

@testable import GacetaSQLite
@testable import GacetaStore

/// The snippets both stores build are those SQLite's FTS5 `snippet()` gave before they shared one builder:
/// the same window over long chunks, the same cuts and marks, compared with FTS5 itself on this SQLite (Debian
/// 12's 3.40; should a later FTS5 place its windows otherwise, this test says so).
@Suite struct SnippetReferenceTests {
    @Test func snippetsAreThoseOfFTS5() throws {
        let harness = try StoreHarness(.sqlite)
        let store = try #require(harness.store as? SQLiteStore)
        for document in StoreSnippetParityTests.fixture { try store.ingest(document) }
        var compared = 0
        for (name, expression) in StoreSnippetParityTests.queries {
            var request = SearchRequest(expression: expression)
            request.perPage = 50
            let results = try store.search(request)
            let match = try #require(FTS5Expression.build(expression, tokenizer: store.queryTokenizer))
            for hit in results.hits {
                let statement = try store.connection.prepare(
                    """
                    SELECT snippet(chunk_index, 1, char(1), char(2), '…', 32) FROM chunk_index
                    WHERE chunk_index MATCH ?1 AND rowid = ?2
                    """)
                statement.bind(1, match)
                statement.bind(2, hit.chunkID)
                #expect(try statement.step())
                let reference = SnippetHTML.render(statement.string(0) ?? "")
                #expect(hit.snippet == reference, "\(name), chunk \(hit.chunkID)")
                compared += 1
            }
        }
        #expect(compared > 200)
    }
}
