import Foundation
import GacetaCore
import GacetaSearch
import TestSupport
import Testing

@testable import GacetaPostgres

/// Since schema version 9 PostgreSQL keeps each lexeme's chunks in `lexemes` (IDF is one read instead of a count of
/// the GIN index per stem): the counts must equal what the chunks hold after every way the chunks change.
@Suite(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
struct PostgresLexemeCountTests {
    /// Lexemes whose kept count differs from the chunks that hold them, counted from the chunks themselves.
    static func wrongCounts(_ store: PostgresStore) throws -> [String] {
        let rows = try store.connection.query(
            """
            SELECT coalesce(kept.lexeme, held.lexeme) || ': kept ' || coalesce(kept.chunks::text, 'none')
                   || ', held by ' || coalesce(held.chunks, 0)
            FROM lexemes AS kept
            FULL JOIN (
                SELECT lexeme COLLATE "C" AS lexeme, count(*) AS chunks
                FROM chunks, unnest(tsvector_to_array(terms)) AS lexeme GROUP BY 1
            ) AS held ON held.lexeme = kept.lexeme
            WHERE coalesce(kept.chunks, -1) <> coalesce(held.chunks, 0)
            ORDER BY 1
            """)
        return (0..<rows.rowCount).map { rows.string($0, 0) ?? "" }
    }

    static func chunks(of word: String, _ store: PostgresStore) throws -> Int? {
        let stem = try #require(IndexTerms().tokens(word).first?.stem)
        return try store.termStatistics(stems: [stem]).documentFrequency[stem]
    }

    @Test func countsFollowIngestReplacementRemovalAndReindex() throws {
        let harness = try StoreHarness(.postgresql)
        let store = try #require(harness.store as? PostgresStore)
        try store.ingest(StoreFixture.salary)
        try store.ingest(StoreFixture.tender)
        try store.ingest(
            StoreFixture.document(
                path: "/gaceta/131.pdf", sha: "c", date: "2024-07-17", number: "131", title: "Otro aviso",
                pages: [(nil, ["El salario de los jueces.", "Otra licitación de la CCSS."])]))
        #expect(try Self.wrongCounts(store) == [])
        #expect(try Self.chunks(of: "salario", store) == 3, "the decree's title and page 13, the notice's chunk")

        // The same file again with other text: its old chunks' lexemes are taken out, the new ones added.
        try store.ingest(
            StoreFixture.document(
                path: "/gaceta/131.pdf", sha: "d", date: "2024-07-17", number: "131", title: "Otro aviso",
                pages: [(nil, ["Los jueces votarán el presupuesto."])]))
        #expect(try Self.wrongCounts(store) == [])
        #expect(try Self.chunks(of: "salario", store) == 2)
        #expect(try Self.chunks(of: "presupuesto", store) == 1)

        let edition = try store.connection.query("SELECT id FROM editions WHERE number = '129'").int64(0, 0)
        #expect(try store.removeEdition(id: edition) == 1)
        #expect(try Self.wrongCounts(store) == [])
        #expect(try Self.chunks(of: "salario", store) == 0)

        try store.connection.execute("UPDATE lexemes SET chunks = chunks + 7")
        #expect(try Self.wrongCounts(store) != [], "the check can fail")
        try store.reindex()
        #expect(try Self.wrongCounts(store) == [])
        #expect(try Self.chunks(of: "presupuesto", store) == 1)
    }

    /// Processes replacing files (a deletion, then an insertion) and adding others at once: none waits for another
    /// in a cycle (PostgreSQL would abort one with a deadlock), and the counts come out right.
    @Test func concurrentReplacementsNeitherDeadlockNorMiscount() throws {
        let harness = try StoreHarness(.postgresql)
        let url = try #require(harness.url)
        let failures = LockedBox<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { worker in
            do {
                let store = try PostgresStore(url: url)
                for round in 0..<20 {
                    // Common words in every version; a word of its own per round, so each version differs.
                    let path = "/gaceta/\(worker)-\(round % 3).pdf"
                    let text = "El decreto de la ley \(worker) dispone la medida número r\(round)x del año."
                    try store.ingest(
                        StoreFixture.document(
                            path: path, sha: "s\(round)", title: "Decreto de la ley",
                            pages: [(nil, [text, "Otra ley."])]))
                }
            } catch {
                failures.mutate { $0.append("\(error)") }
            }
        }
        #expect(failures.value == [])
        let store = try #require(harness.store as? PostgresStore)
        #expect(try Self.wrongCounts(store) == [])
        #expect(try store.contents().documents == 9)
    }

    /// A database from before version 9 gets its counts when it migrates.
    @Test func aDatabaseFromBeforeGetsItsCountsWhenItMigrates() throws {
        let harness = try StoreHarness(.postgresql, schema: 5)
        let store = try #require(harness.store as? PostgresStore)
        _ = try StoreFixtureV5.insertSalary(into: store)
        try store.migrate()
        #expect(try Self.wrongCounts(store) == [])
        #expect(try Self.chunks(of: "salario", store) == 2)
    }

    /// A release from before inserts lexemes without a count: its ingest fails rather than leave counts short.
    @Test func anOlderReleasesLexemeInsertFails() throws {
        let harness = try StoreHarness(.postgresql)
        let store = try #require(harness.store as? PostgresStore)
        try store.ingest(StoreFixture.salary)
        // A new word, and one the index holds already (ON CONFLICT DO NOTHING does not spare it the check).
        #expect(try store.connection.query("SELECT count(*) FROM lexemes WHERE lexeme = 'salari'").int(0, 0) == 1)
        for words in ["{nuevo}", "{salari}"] {
            #expect(throws: StoreError.self) {
                try store.connection.execute(
                    "INSERT INTO lexemes (lexeme) SELECT unnest('\(words)'::text[]) ON CONFLICT DO NOTHING")
            }
        }
        #expect(try Self.wrongCounts(store) == [])
    }
}
