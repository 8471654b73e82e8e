import Foundation
import GacetaCore
import GacetaQuery
import GacetaPostgres
import GacetaStore
import Testing
import TestSupport

/// The same fixture in both stores: the same searches must give the same hits in the same order, the same
/// totals and the same marked words in their snippets.
@Suite struct StoreParityTests {
    static let fixture: [IngestDocument] = [
        StoreFixture.salary,
        StoreFixture.tender,
        StoreFixture.document(
            path: "/gaceta/131.pdf", date: "2024-07-17", number: "131", title: "Reglamento de licitaciones públicas",
            section: "Reglamentos", type: "reglamento",
            pages: [
                ("1", ["Las licitaciones públicas de la CCSS siguen este reglamento."]),
                ("2", ["El salario de los inspectores y la contratación de servicios."]),
            ]),
        StoreFixture.document(
            path: "/gaceta/132.pdf", date: "2024-07-18", number: "132", title: "Aviso de vacunación",
            section: "Avisos", type: "aviso",
            pages: [(nil, ["La campaña de vacunación contra la influenza empieza en julio; la vacuna es gratuita."])]),
    ]

    static let queries: [(String, SearchExpression, @Sendable (inout SearchRequest) -> Void)] = [
        ("salario", SearchExpression(required: [[.word("salario")]]), { _ in }),
        ("la", SearchExpression(required: [[.word("la")]]), { $0.perPage = 100 }),
        (
            "la, page 2", SearchExpression(required: [[.word("la")]]),
            {
                $0.perPage = 2; $0.page = 2
            }
        ),
        ("licitaciones", SearchExpression(required: [[.word("licitaciones")]]), { _ in }),
        ("ccss OR calzado", SearchExpression(required: [[.word("ccss"), .word("calzado")]]), { _ in }),
        ("\"salario mínimo\"", SearchExpression(required: [[.phrase(["salario", "mínimo"])]]), { _ in }),
        ("contrata*", SearchExpression(required: [[.prefix("contrata")]]), { _ in }),
        ("vacuna*", SearchExpression(required: [[.prefix("vacuna")]]), { _ in }),
        ("la -ccss", SearchExpression(required: [[.word("la")]], excluded: [.word("ccss")]), { $0.perPage = 100 }),
        ("la, section", SearchExpression(required: [[.word("la")]]), { $0.section = "licitaciones" }),
        (
            "la, dates", SearchExpression(required: [[.word("la")]]),
            {
                $0.from = "2024-07-16"; $0.to = "2024-07-17"
            }
        ),
        ("la, edition", SearchExpression(required: [[.word("la")]]), { $0.edition = "131" }),
        ("2024LN-000012", SearchExpression(required: [[.word("2024ln"), .number("000012")]]), { _ in }),
        (
            "la salario OR la (a word twice)",
            SearchExpression(required: [[.word("la")], [.word("salario"), .word("la")]]),
            { _ in }
        ),
    ]

    /// What a user sees of a result: total, and per hit the document, page and marked words.
    struct Seen: Equatable, CustomStringConvertible {
        let total: Int
        let hits: [String]
        var description: String { "\(total): \(hits)" }
    }

    static func seen(_ results: SearchResults) -> Seen {
        Seen(
            total: results.total,
            hits: results.hits.map { hit in
                let marked = hit.snippet.components(separatedBy: "<mark>").dropFirst()
                    .compactMap { $0.components(separatedBy: "</mark>").first }
                return "\(hit.documentTitle) p\(hit.page) \(marked)"
            })
    }

    // Needs PostgreSQL: when it cannot be installed, PostgresServer.shared says so loudly on stderr.
    @Test(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
    func sameSearchesGiveTheSameHitsInTheSameOrder() throws {
        let sqlite = try StoreHarness(.sqlite)
        let postgres = try StoreHarness(.postgresql)
        for document in Self.fixture {
            try sqlite.store.ingest(document)
            try postgres.store.ingest(document)
        }
        for (name, expression, configure) in Self.queries {
            var request = SearchRequest(expression: expression)
            configure(&request)
            let expected = Self.seen(try sqlite.store.search(request))
            let actual = Self.seen(try postgres.store.search(request))
            #expect(actual == expected, "\(name)")
            #expect(expected.total > 0 || name.contains("-"), "\(name) finds something")
        }
    }

    /// What ranks a hit: its text and its exact score.
    static func ranked(_ results: SearchResults) -> [String] {
        results.hits.map { "\($0.text) \($0.score)" }
    }

    /// Many matches (2,400): both stores rank every one the same way, on the first page and on deep ones.
    @Test(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
    func broadQueriesRankTheSame() throws {
        let sqlite = try StoreHarness(.sqlite)
        let postgres = try StoreHarness(.postgresql)
        let pages = (0..<24).map { page -> (String?, [String]) in
            (
                nil,
                (0..<100).map { line in
                    let number = page * 100 + line
                    let filler = String(repeating: "texto ", count: number % 7)
                    return "Párrafo \(number): la ley \(filler)dispone"
                        + String(repeating: " y la ley manda", count: number % 3) + "."
                }
            )
        }
        let broad = StoreFixture.document(path: "/gaceta/200.pdf", title: "Ley de leyes", pages: pages)
        for document in Self.fixture + [broad] {
            try sqlite.store.ingest(document)
            try postgres.store.ingest(document)
        }
        for (page, perPage) in [(1, 10), (3, 100), (24, 100)] {
            var request = SearchRequest(expression: SearchExpression(required: [[.word("ley")]]))
            request.page = page
            request.perPage = perPage
            let expected = try sqlite.store.search(request)
            let actual = try postgres.store.search(request)
            #expect(expected.total == 2400)
            #expect(actual.total == expected.total)
            #expect(!expected.hits.isEmpty)
            #expect(Self.ranked(actual) == Self.ranked(expected), "page \(page) of \(perPage)")
        }
    }

    /// Scores depend on the whole table (how many chunks hold each word): they must follow ingests made between
    /// searches, including by another process, exactly as on SQLite.
    @Test(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
    func scoresFollowIngestsBetweenSearches() throws {
        let sqlite = try StoreHarness(.sqlite)
        let postgres = try StoreHarness(.postgresql)
        let other = try #require(postgres.url.map { try PostgresStore(url: $0) })
        let request = SearchRequest(expression: SearchExpression(required: [[.word("salario")], [.word("mínimo")]]))
        for (index, document) in Self.fixture.enumerated() {
            try sqlite.store.ingest(document)
            try (index % 2 == 0 ? postgres.store : other).ingest(document)
            let expected = try sqlite.store.search(request)
            #expect(Self.ranked(try postgres.store.search(request)) == Self.ranked(expected), "after \(index + 1)")
        }
        let more = StoreFixture.document(
            path: "/gaceta/133.pdf", date: "2024-07-19", number: "133", title: "Salario mínimo de los oficios",
            pages: [(nil, ["El salario mínimo de los albañiles."]), (nil, ["Otro salario."])])
        try sqlite.store.ingest(more)
        try other.ingest(more)
        let expected = try sqlite.store.search(request)
        #expect(expected.total > 0)
        #expect(Self.ranked(try postgres.store.search(request)) == Self.ranked(expected))
    }

    /// A prefix that starts more lexemes than `setweight` should look up in every chunk takes PostgreSQL's other
    /// path (each chunk's own lexemes): the same hits and scores as SQLite, as for a narrow prefix.
    @Test(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
    func prefixesStartingManyWordsRankTheSame() throws {
        let sqlite = try StoreHarness(.sqlite)
        let postgres = try StoreHarness(.postgresql)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let words = (0..<400).map { (index: Int) -> String in
            let middle = String([letters[index / 26 % 26], letters[index % 26]])
            return "pa" + middle + "ro"
        }
        let pages = stride(from: 0, to: words.count, by: 20).map { start -> (String?, [String]) in
            (nil, [words[start..<start + 20].joined(separator: " ") + " paso " + words[start]])
        }
        let many = StoreFixture.document(path: "/gaceta/201.pdf", title: "Palabras", pages: pages)
        for document in Self.fixture + [many] {
            try sqlite.store.ingest(document)
            try postgres.store.ingest(document)
        }
        for prefix in ["pa", "pab", "pabz"] {
            var request = SearchRequest(expression: SearchExpression(required: [[.prefix(prefix)], [.word("paso")]]))
            request.perPage = 100
            let expected = try sqlite.store.search(request)
            #expect(expected.total > 0, "\(prefix)*")
            #expect(Self.ranked(try postgres.store.search(request)) == Self.ranked(expected), "\(prefix)*")
        }
    }
}
