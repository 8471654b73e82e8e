import GacetaQuery
import Foundation
import GacetaCore
import GacetaStore
import Testing
import TestSupport

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

    init(_ kind: StoreKind) throws {
        switch kind {
        case .sqlite:
            let directory = try Paths.temporaryDirectory("store")
            self.directory = directory
            url = nil
            store = try SQLiteStore(path: "\(directory)/test.db")
        case .postgresql:
            guard let server = PostgresServer.shared else {
                throw TestSupportError("PostgreSQL is unavailable: \(PostgresServer.unavailableReason ?? "?")")
            }
            directory = nil
            let url = try server.createDatabase()
            self.url = url
            store = try PostgresStore(url: url)
        }
        try store.migrate()
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

@Suite struct StoreConformanceTests {
    @Test(arguments: StoreKind.testable) func migrateIsIdempotentAndReportsTheVersion(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        #expect(try harness.store.migrate().isEmpty)
        let version = try harness.store.schemaVersion()
        #expect(version.current == version.required)
        #expect(version.current >= 1)
    }

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

    @Test(arguments: StoreKind.testable) func hitsCiteEditionDocumentAndTheRightPage(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(StoreFixture.salary)
        try harness.store.ingest(StoreFixture.tender)
        let results = try harness.search(["domésticos"])
        #expect(results.total == 1)
        let hit = try #require(results.hits.first)
        #expect(hit.page == 2)
        #expect(hit.printedPage == "13")
        #expect(hit.editionDate == "2024-07-15")
        #expect(hit.editionNumber == "129")
        #expect(hit.documentTitle == "Decreto sobre el salario mínimo")
        #expect(hit.snippet.contains("<mark>domésticos</mark>"))
    }

    @Test(arguments: StoreKind.testable) func snippetsAreHTMLEscaped(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(
            StoreFixture.document(path: "/x.md", title: "Aviso", pages: [(nil, ["Tarifa <b>nueva</b> & vigente"])]))
        let hit = try #require(try harness.search(["tarifa"]).hits.first)
        #expect(hit.snippet.contains("&lt;b&gt;"))
        #expect(hit.snippet.contains("&amp;"))
        #expect(!hit.snippet.contains("<b>"))
    }

    @Test(arguments: StoreKind.testable) func titleMatchesRankAboveBodyMatches(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(
            StoreFixture.document(path: "/a", title: "Aviso general", pages: [(nil, ["Habla de la vacuna una vez."])]))
        try harness.store.ingest(
            StoreFixture.document(
                path: "/b", title: "Vacuna contra la influenza", pages: [(nil, ["Campaña nacional."])]))
        let results = try harness.search(["vacuna"])
        #expect(results.hits.map(\.documentTitle) == ["Vacuna contra la influenza", "Aviso general"])
    }

    @Test(arguments: StoreKind.testable) func filtersAndPagination(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(StoreFixture.salary)
        try harness.store.ingest(StoreFixture.tender)
        #expect(try harness.search(["la"]).total >= 2)
        #expect(
            try harness.search(["la"]) { $0.from = "2024-07-16" }.hits.allSatisfy { $0.editionDate == "2024-07-16" })
        #expect(try harness.search(["la"]) { $0.to = "2024-07-15" }.hits.allSatisfy { $0.editionDate == "2024-07-15" })
        #expect(
            try harness.search(["la"]) { $0.section = "licitaciones" }.hits.allSatisfy { $0.editionNumber == "130" })
        #expect(try harness.search(["la"]) { $0.edition = "129" }.hits.allSatisfy { $0.editionNumber == "129" })

        let all = try harness.search(["la"]) { $0.perPage = 100 }
        let first = try harness.search(["la"]) { $0.perPage = 1 }
        let second = try harness.search(["la"]) {
            $0.perPage = 1; $0.page = 2
        }
        #expect(first.total == all.total)
        #expect(first.hits.map(\.chunkID) == [all.hits[0].chunkID])
        #expect(second.hits.map(\.chunkID) == [all.hits[1].chunkID])
    }

    @Test(arguments: StoreKind.testable) func phrasesExclusionsAlternativesAndPrefixes(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(StoreFixture.salary)
        try harness.store.ingest(StoreFixture.tender)
        func total(_ expression: SearchExpression) throws -> Int {
            try harness.store.search(SearchRequest(expression: expression)).total
        }
        // In the title (first chunk) and on page 2.
        #expect(try total(SearchExpression(required: [[.phrase(["salario", "mínimo"])]])) == 2)
        #expect(try total(SearchExpression(required: [[.phrase(["mínimo", "salario"])]])) == 0)
        #expect(try total(SearchExpression(required: [[.word("ccss"), .word("calzado")]])) == 2)
        #expect(try total(SearchExpression(required: [[.word("licitación")]], excluded: [.word("medicamentos")])) == 0)
        #expect(try total(SearchExpression(required: [[.prefix("medicam")]])) == 1)
        // Quotes and FTS5 syntax in a word are text, never syntax.
        #expect(try total(SearchExpression(required: [[.word("\"ccss OR x\" NEAR(")]])) == 0)
        #expect(try total(SearchExpression(required: [[.word("¿?")]])) == 0)
    }

    @Test(arguments: StoreKind.testable) func browsingEditionsDocumentsAndPages(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(StoreFixture.salary)
        try harness.store.ingest(StoreFixture.tender)
        let editions = try harness.store.editions(limit: 10, offset: 0)
        #expect(editions.map(\.date) == ["2024-07-16", "2024-07-15"])
        #expect(editions.map(\.documentCount) == [1, 1])
        let edition = try #require(try harness.store.edition(date: "2024-07-15").first)
        let documents = try harness.store.documents(editionID: edition.id)
        #expect(documents.map(\.title) == ["Decreto sobre el salario mínimo"])
        let page = try #require(try harness.store.page(documentID: documents[0].id, index: 3))
        #expect(page.printedNumber == "14")
        #expect(page.text.contains("canciones"))
        #expect(try harness.store.page(documentID: documents[0].id, index: 4) == nil)
    }

    @Test(arguments: StoreKind.testable) func aDocumentKnowsTheFileItCameFrom(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let sha = String(repeating: "5e", count: 32)
        var salary = StoreFixture.salary
        salary.sourceSHA256 = sha
        let id = try #require(
            {
                if case .inserted(let id) = $0 { return id }
                return nil
            }(try harness.store.ingest(salary)))
        let source = try #require(try harness.store.documentSource(id: id))
        #expect(source == DocumentSource(path: "/gaceta/129.pdf", sha256: sha))
        #expect(source.isPDF)
        #expect(try harness.store.documentSource(id: id + 1000) == nil)
    }

    @Test(arguments: StoreKind.testable) func prefixesMatchWhatWasWrittenWhileWordsMatchByStem(_ kind: StoreKind) throws
    {
        let harness = try StoreHarness(kind)
        try harness.store.ingest(
            StoreFixture.document(
                path: "/p", title: "Avisos",
                pages: [
                    (nil, ["La contratación directa de servicios."]), (nil, ["El contrato de alquiler vence."]),
                    (nil, ["Tres licitaciones públicas abiertas."]),
                ]))
        func pages(_ atom: QueryAtom) throws -> [Int] {
            try harness.store.search(SearchRequest(expression: SearchExpression(required: [[atom]]))).hits.map(\.page)
                .sorted()
        }
        #expect(try pages(.prefix("contrata")) == [1])
        #expect(try pages(.prefix("contrat")) == [1, 2])
        #expect(try pages(.prefix("licitacio")) == [3])
        #expect(try pages(.word("licitación")) == [3])
        #expect(try pages(.word("contratos")) == [1, 2], "the stem \"contrat\" is shared")
    }

    @Test(arguments: StoreKind.testable) func aBroadQueryRanksItsNewestMatchesAndKeepsAnExactTotal(_ kind: StoreKind)
        throws
    {
        let harness = try StoreHarness(kind)
        let count = 2_100
        try harness.store.ingest(
            StoreFixture.document(
                path: "/broad", title: "Ley general",
                pages: (0..<count).map { (nil, ["La ley número \($0) regula el registro \($0)."]) }))
        let results = try harness.search(["ley"]) { $0.perPage = 5 }
        #expect(results.total == count)
        #expect(results.hits.count == 5)
        let deep = try harness.search(["ley"]) {
            $0.perPage = 100; $0.page = 21
        }
        #expect(deep.hits.count == 100, "pages past the ranking window still fill")
    }

    @Test(arguments: StoreKind.testable) func conversationsRoundTripAndOldOnesArePurged(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.store.createConversation(id: "c1", now: "2024-07-15T10:00:00Z")
        let citation = Citation(
            n: 1, editionDate: "2024-07-15", editionNumber: "129", documentID: 7, documentTitle: "Decreto",
            page: 2, printedPage: "13", quote: "El salario mínimo aumenta.")
        let first = ConversationTurn(
            question: "¿Qué pasó con el salario?",
            answer: Answer(text: "Aumenta [1].", citations: [citation], provider: "extractive"),
            createdAt: "2024-07-15T10:00:01Z")
        let second = ConversationTurn(
            question: "¿Y cuándo rige?",
            answer: Answer(
                text: "No encontré información.", citations: [], provider: "extractive", fallbackReason: "HTTP 500"),
            createdAt: "2024-07-15T10:00:05Z")
        try harness.store.appendTurn(first, conversationID: "c1")
        try harness.store.appendTurn(second, conversationID: "c1")
        let stored = try #require(try harness.store.conversation(id: "c1"))
        #expect(stored.turns == [first, second])
        #expect(stored.turns[0].answer.citations[0].url == "/api/v1/documents/7/pages/2")
        #expect(try harness.store.conversation(id: "nope") == nil)

        try harness.store.createConversation(id: "c2", now: "2024-08-01T00:00:00Z")
        #expect(try harness.store.purgeConversations(before: "2024-07-20T00:00:00Z") == 1)
        #expect(try harness.store.conversation(id: "c1") == nil)
        #expect(try harness.store.conversation(id: "c2") != nil)
    }
}
