import Foundation
import GacetaCore
import GacetaQuery
import GacetaPostgres
import GacetaSQLite
import GacetaStore
import TestSupport
import Testing

/// Every store must pass these: each test runs once per `StoreKind`.
enum StoreFixture {
    static func document(
        path: String, sha: String = "a", date: String = "2024-07-15", number: String? = "129", title: String,
        section: String? = "Poder Ejecutivo", type: String? = "decreto", pages: [(String?, [String])]
    ) -> IngestDocument {
        IngestDocument(
            sourcePath: path, sourceSHA256: sha,
            edition: .init(date: date, number: number, sourceURL: nil, sha256: nil), title: title, section: section,
            type: type, identifier: nil,
            pages: pages.enumerated().map { offset, page in
                .init(index: offset + 1, printedNumber: page.0, text: page.1.joined(separator: "\n\n"), chunks: page.1)
            })
    }

    static let salary = document(
        path: "/gaceta/129.pdf", title: "Decreto sobre el salario mínimo",
        pages: [
            ("12", ["Se publica la lista de precios del calzado escolar."]),
            ("13", ["El salario mínimo para trabajadores domésticos aumenta un 3,5%."]),
            ("14", ["Las canciones del festival serán publicadas por el Ministerio de Cultura."]),
        ])
    static let tender = document(
        path: "/gaceta/130.pdf", date: "2024-07-16", number: "130", title: "Licitación de la CCSS",
        section: "Licitaciones", type: "licitación",
        pages: [(nil, ["La CCSS abre la licitación pública 2024LN-000012 para compra de medicamentos."])])
}

/// The stores every conformance test runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    /// Every store that can run here. PostgreSQL is left out only when it cannot be installed or started,
    /// and `PostgresServer.shared` then prints so loudly on stderr.
    static var testable: [StoreKind] { PostgresServer.isAvailable ? allCases : [.sqlite] }

    var testDescription: String { rawValue }
}

/// A fresh, migrated store of one kind: a SQLite file in a temporary directory, or a new database in the
/// shared private PostgreSQL cluster.
final class StoreHarness {
    let store: any Store
    let directory: String?
    /// The PostgreSQL database's URL, to open a second connection as another process would.
    let url: String?

    /// `schema`: migrate only that far (a database built by an older release); nil: to the latest.
    init(_ kind: StoreKind, schema: Int? = nil) throws {
        switch kind {
        case .sqlite:
            let directory = try Paths.temporaryDirectory("store")
            self.directory = directory
            url = nil
            let sqlite = try SQLiteStore(path: "\(directory)/test.db")
            if let schema { try sqlite.migrate(through: schema) }
            store = sqlite
        case .postgresql:
            guard let server = PostgresServer.shared else {
                throw TestSupportError("PostgreSQL is unavailable: \(PostgresServer.unavailableReason ?? "?")")
            }
            directory = nil
            let url = try server.createDatabase()
            self.url = url
            let postgres = try PostgresStore(url: url)
            if let schema { try postgres.migrate(through: schema) }
            store = postgres
        }
        if schema == nil { try store.migrate() }
    }

    deinit {
        if let directory { try? FileManager.default.removeItem(atPath: directory) }
    }

    func search(_ words: [String], _ configure: (inout SearchRequest) -> Void = { _ in }) throws -> SearchResults {
        var request = SearchRequest(expression: SearchExpression(required: words.map { [QueryAtom.word($0)] }))
        configure(&request)
        return try store.search(request)
    }
}
