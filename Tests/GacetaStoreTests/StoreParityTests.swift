import Foundation
import GacetaCore
import GacetaQuery
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
}
