import Foundation
import GacetaCore
import GacetaIngest
import GacetaQuery
import TestSupport
import Testing

@testable import GacetaPostgres
@testable import GacetaSQLite

/// A groff-made edition ingested through the real pipeline into each store: stored as its notices (the data
/// contract of the notices issue), re-ingested, replaced, with an Alcance, and kept apart from whole documents.
@Suite struct EditionIngestConformanceTests {
    /// A folder, a generated edition typeset into it as the publisher names it, and a pipeline into `harness`.
    struct Setup {
        let folder: String
        let edition: GeneratedEdition
        let path: String

        init(_ edition: GeneratedEdition = GeneratedEdition()) throws {
            folder = try Paths.temporaryDirectory("edition")
            self.edition = edition
            path = "\(folder)/COMP_\(String(format: "%02d", edition.day))_07_2024.pdf"
            try edition.write(to: path)
        }

        var date: String { String(format: "2024-07-%02d", edition.day) }

        func cleanup() { try? FileManager.default.removeItem(atPath: folder) }
    }

    static func pipeline(_ store: any Store, fallbackDate: String? = nil) -> IngestPipeline {
        IngestPipeline(store: store, fallbackDate: fallbackDate) { path in
            let result = try Shell.run("sha256sum", [path])
            return String(result.stdout.prefix(64))
        }
    }

    static func stored(_ outcome: IngestPipeline.FileOutcome) throws -> IngestedFile {
        guard case .stored(let file) = outcome else { throw TestSupportError("not stored: \(outcome)") }
        return file
    }

    static func words(_ text: String) -> SearchExpression {
        SearchExpression(required: text.split(separator: " ").map { [QueryAtom.word(String($0))] })
    }

    @Test(arguments: StoreKind.testable) func anEditionIsStoredAsItsNotices(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let setup = try Setup()
        defer { setup.cleanup() }
        let file = try Self.stored(Self.pipeline(harness.store).ingest(path: setup.path))
        #expect(file.change == .inserted && file.isEdition)

        let edition = try #require(try harness.store.edition(date: setup.date).first)
        #expect(edition.id == file.editionID)
        #expect(edition.number == String(setup.edition.number))
        #expect(edition.publication == "La Gaceta")
        #expect(edition.kind == .regular && edition.alcanceNumber == nil)
        #expect(edition.pages == file.pages && file.pages >= 3)

        let documents = try harness.store.documents(editionID: edition.id)
        #expect(documents.map(\.id) == file.documents.map(\.id))
        let sumario = try #require(documents.first)
        #expect(sumario.type == "sumario" && sumario.notice.index == 1 && sumario.notice.firstPage == 1)
        let notices = Array(documents.dropFirst())
        let expected = setup.edition.notices
        #expect(notices.map(\.title) == expected.map(\.title))
        #expect(notices.map(\.type) == expected.map(\.type))
        #expect(notices.map(\.identifier) == expected.map(\.identifier))
        #expect(notices.map(\.section) == expected.map(\.section))
        #expect(notices.map(\.notice.institution) == expected.map(\.institution))
        #expect(notices.map(\.notice.publicationCode) == expected.map(\.code))
        #expect(notices.map(\.notice.key) == expected.map(\.code), "a notice's key is its publication code")
        #expect(documents.map(\.notice.index) == Array(1...documents.count))

        for document in documents {
            let first = try #require(document.notice.firstPage)
            let last = try #require(document.notice.lastPage)
            #expect(document.pageCount == last - first + 1)
            #expect(document.notice.publication == "La Gaceta")
            // The page route's contract: the edition file's pages, 404 outside first…last.
            for index in first...last {
                let page = try #require(try harness.store.page(documentID: document.id, index: index))
                #expect(index == 1 || page.printedNumber == String(index), "printed page \(index)")
            }
            #expect(try harness.store.page(documentID: document.id, index: first - 1) == nil)
            #expect(try harness.store.page(documentID: document.id, index: last + 1) == nil)
            // A notice's PDF is its edition's file.
            #expect(try harness.store.documentSource(id: document.id)?.path == setup.path)
        }
        // Two notices on one page: each page row is its own part of the page.
        let decree = try #require(notices.first { $0.title.hasPrefix("DECRETO") })
        let agreement = try #require(notices.first { $0.title.hasPrefix("ACUERDO") })
        let shared = try #require(decree.notice.lastPage)
        #expect(agreement.notice.firstPage == shared)
        let decreePage = try #require(try harness.store.page(documentID: decree.id, index: shared))
        let agreementPage = try #require(try harness.store.page(documentID: agreement.id, index: shared))
        #expect(decreePage.text.contains("faroles verdes") && !decreePage.text.contains("feria de semillas"))
        #expect(agreementPage.text.contains("feria de semillas") && !agreementPage.text.contains("faroles verdes"))

        // The permalink resolves by key.
        let code = try #require(expected.last?.code)
        #expect(try harness.store.notice(key: code)?.title == expected.last?.title)
        #expect(try harness.store.notice(key: "IN0000000000") == nil)
    }

    @Test(arguments: StoreKind.testable) func hitsNameTheNoticeAndItsPrintedPageWithoutHeaderText(_ kind: StoreKind)
        throws
    {
        let harness = try StoreHarness(kind)
        let setup = try Setup()
        defer { setup.cleanup() }
        let file = try Self.stored(Self.pipeline(harness.store).ingest(path: setup.path))

        // Every sentence of the long notice (over columns and a page break) is found by a phrase query, as a hit
        // of that notice with the printed number of the page it starts on.
        let long = try #require(setup.edition.notices.first { $0.title.hasPrefix("RESOLUCIÓN") })
        var pages: Set<Int> = []
        for sentence in setup.edition.longSentences {
            var request = SearchRequest(expression: SearchExpression(required: [[.phrase(Self.terms(sentence))]]))
            request.perPage = 5
            guard let hit = try harness.store.search(request).hits.first else {
                let number = sentence.split(separator: " ").prefix(3).joined(separator: " ")
                let documents = try harness.store.documents(editionID: file.editionID)
                var around: [String] = []
                for document in documents {
                    for index in (document.notice.firstPage ?? 1)...(document.notice.lastPage ?? 1) {
                        let text = try harness.store.page(documentID: document.id, index: index)?.text ?? ""
                        if let range = text.range(of: number) {
                            let context = String(text[range.lowerBound...].prefix(400))
                            around.append("doc \(document.id) p\(index): …\(context)")
                        }
                    }
                }
                let context = around.joined(separator: "\n")
                Issue.record(Comment(rawValue: "not found: \(sentence)\n\(context)"))
                continue
            }
            #expect(hit.documentTitle == long.title)
            #expect(hit.printedPage == (hit.page == 1 ? nil : String(hit.page)), "ms prints no header on page 1")
            #expect(hit.publication == "La Gaceta")
            pages.insert(hit.page)
        }
        #expect(pages.count >= 2, "the long notice spans pages")
        // No running-header word is in any chunk (a word of the text may share its stem: "registra").
        for word in setup.edition.headerWords {
            let hits = try harness.search([word.lowercased()]) { $0.perPage = 100 }.hits
            #expect(!hits.contains { $0.text.contains(word) || $0.documentTitle.contains(word) }, "\(word) indexed")
        }
    }

    @Test(arguments: StoreKind.testable) func theSumarioIsFoundAndRankedAfterEveryNotice(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let setup = try Setup()
        defer { setup.cleanup() }
        _ = try Self.stored(Self.pipeline(harness.store).ingest(path: setup.path))

        // "Nº 129" finds the cover.
        let number = try harness.store.search(SearchRequest(expression: Self.words(String(setup.edition.number))))
        #expect(number.hits.contains { $0.type == "sumario" })
        // Sections are named in the contents and in the notices: the sumario comes last.
        for query in ["ejecutivo", "contratación administrativa", "avisos"] {
            let results = try harness.store.search(SearchRequest(expression: Self.words(query), perPage: 50))
            let types = results.hits.map { $0.type == "sumario" }
            #expect(types.contains(true) && types.contains(false), "\(query): \(results.hits.map(\.documentTitle))")
            #expect(types == types.sorted { !$0 && $1 }, "\(query): the sumario after every notice")
        }
    }

    /// Chat's search (`includesSumario` and `countsTotal` off): the same hits in the same order, the sumario left
    /// out, page by page; the total is the hits returned.
    @Test(arguments: StoreKind.testable) func chatsSearchLeavesTheSumarioOut(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let setup = try Setup()
        defer { setup.cleanup() }
        _ = try Self.stored(Self.pipeline(harness.store).ingest(path: setup.path))

        for query in ["ejecutivo", "contratación administrativa", "avisos", String(setup.edition.number)] {
            let all = try harness.store.search(SearchRequest(expression: Self.words(query), perPage: 50))
            #expect(all.hits.contains { $0.isSumario }, "\(query) finds the sumario too")
            let notices = all.hits.filter { $0.type != "sumario" }.map(\.chunkID)
            var request = SearchRequest(expression: Self.words(query), perPage: 50)
            request.includesSumario = false
            let counted = try harness.store.search(request).total
            #expect(counted == notices.count, "\(query): counted without the sumario")
            request.countsTotal = false
            let found = try harness.store.search(request)
            #expect(found.hits.map(\.chunkID) == notices, "\(query)")
            #expect(found.total == found.hits.count)
            for page in 1...3 {
                request.page = page
                request.perPage = 1
                let one = try harness.store.search(request)
                #expect(
                    one.hits.map(\.chunkID) == Array(notices.dropFirst(page - 1).prefix(1)), "\(query), page \(page)")
            }
        }
    }

    @Test(arguments: StoreKind.testable) func sameFileChangesNothingAChangedOneReplacesTheEdition(_ kind: StoreKind)
        throws
    {
        let harness = try StoreHarness(kind)
        let setup = try Setup()
        defer { setup.cleanup() }
        let pipeline = Self.pipeline(harness.store)
        let first = try Self.stored(pipeline.ingest(path: setup.path))
        let again = try Self.stored(pipeline.ingest(path: setup.path))
        #expect(again.change == .unchanged)
        #expect(again.editionID == first.editionID && again.documents == first.documents)
        let before = try harness.store.contents()

        // Another edition written over the same file: the old edition and all its notices go.
        let other = GeneratedEdition()
        try other.write(to: setup.path)
        let replaced = try Self.stored(pipeline.ingest(path: setup.path))
        #expect(replaced.change == .replaced)
        let editions = try harness.store.editions(limit: 10, offset: 0)
        #expect(editions.map(\.number) == [String(other.number)])
        #expect(try harness.store.contents().documents == before.documents)
        for old in first.documents where !replaced.documents.map(\.id).contains(old.id) {
            #expect(try harness.store.document(id: old.id) == nil)
        }
        #expect(try harness.search(["faroles"]).total >= 1)
    }

    @Test(arguments: StoreKind.testable) func theMastheadDateWinsOverTheFallbackAndSaysSo(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let setup = try Setup()
        defer { setup.cleanup() }
        let file = try Self.stored(Self.pipeline(harness.store, fallbackDate: "2020-01-02").ingest(path: setup.path))
        #expect(file.notes.contains { $0.contains("\(setup.date) wins over --date 2020-01-02") }, "\(file.notes)")
        #expect(try harness.store.edition(date: setup.date).count == 1)
        #expect(try harness.store.edition(date: "2020-01-02").isEmpty)
    }

    @Test(arguments: StoreKind.testable) func anAlcanceSupplementsThatDaysEdition(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let setup = try Setup()
        defer { setup.cleanup() }
        let day = String(format: "%02d", setup.edition.day)
        let alcancePath = "\(setup.folder)/ALCA78_\(day)_07_2024.pdf"
        let source = """
            .LP
            .ce 2
            ALCANCE Nº 78 A LA GACETA Nº \(setup.edition.number)
            Lunes \(setup.edition.day) de julio del 2024
            .PP
            Se publica el reglamento de ferias del agricultor.
            .bp
            .PP
            Artículo 2. Rige desde su publicación.
            """
        try GazettePDF.typeset(source, to: alcancePath)

        // The Alcance first: it points at its edition once that is stored.
        let pipeline = Self.pipeline(harness.store)
        let alcance = try Self.stored(pipeline.ingest(path: alcancePath))
        let regular = try Self.stored(pipeline.ingest(path: setup.path))
        let editions = try harness.store.edition(date: setup.date)
        #expect(editions.count == 2)
        let stored = try #require(editions.first { $0.id == alcance.editionID })
        #expect(stored.kind == .alcance && stored.alcanceNumber == 78)
        #expect(stored.number == String(setup.edition.number))
        #expect(stored.supplementOf == regular.editionID)
        #expect(editions.first { $0.id == regular.editionID }?.kind == .regular)
        let hit = try #require(try harness.search(["agricultor"]).hits.first)
        #expect(hit.documentTitle.hasPrefix("Alcance Nº 78"), "\(hit.documentTitle)")
        #expect(hit.alcanceNumber == "78", "a hit names its supplement (answers say «Alcance Nº 78 a …»)")
    }

    @Test(arguments: StoreKind.testable) func aNoticeIsDeletedOnlyWithItsEdition(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let setup = try Setup()
        defer { setup.cleanup() }
        let file = try Self.stored(Self.pipeline(harness.store).ingest(path: setup.path))
        let notice = try #require(file.documents.last)
        #expect(try harness.store.removeDocument(id: notice.id) == .partOfEdition(editionID: file.editionID))
        #expect(try harness.store.document(id: notice.id) != nil)
        #expect(try harness.store.removeEdition(id: file.editionID) == file.documents.count)
        #expect(try harness.store.contents().documents == 0)
        #expect(try harness.search(["faroles"]).total == 0)
    }

    /// A database built by schema version 5 (one document per file) migrates: its documents keep their pages and
    /// gain first and last pages; new files are stored as notices beside them.
    @Test(arguments: StoreKind.testable) func schemaFiveMigratesAndKeepsItsDocuments(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind, schema: 5)
        let id = try StoreFixtureV5.insertSalary(into: harness.store)
        #expect(try harness.store.migrate().first == 6, "schema 6 first, then any later step")
        let document = try #require(try harness.store.document(id: id))
        #expect(document.notice.firstPage == 1 && document.notice.lastPage == 3)
        #expect(document.notice.firstPrintedPage == "12" && document.notice.lastPrintedPage == "14")
        #expect(document.notice.index == nil && document.notice.key == nil)
        #expect(try harness.store.edition(date: "2024-07-15").first?.kind == .regular)
        #expect(try harness.search(["domésticos"]).total == 1)
        #expect(try harness.store.removeDocument(id: id) == .removed, "a whole document is deleted alone")

        let setup = try Setup()
        defer { setup.cleanup() }
        let file = try Self.stored(Self.pipeline(harness.store).ingest(path: setup.path))
        #expect(file.isEdition && file.documents.count == setup.edition.notices.count + 1)
    }

    static func terms(_ sentence: String) -> [String] {
        sentence.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.lowercased() }
    }
}

/// A document as a release of schema version 5 stored it: its own INSERTs, without the columns of version 6.
enum StoreFixtureV5 {
    static let pages: [(printed: String, text: String)] = [
        ("12", "Se publica la lista de precios del calzado escolar."),
        ("13", "El salario mínimo para trabajadores domésticos aumenta un 3,5%."),
        ("14", "Las canciones del festival serán publicadas por el Ministerio de Cultura."),
    ]
    static let title = "Decreto sobre el salario mínimo"

    /// The document's id.
    static func insertSalary(into store: any Store) throws -> Int64 {
        try insert(
            into: store, id: 1, title: title, path: "/gaceta/129.pdf", sha: "a", date: "2024-07-15", number: "129",
            pages: pages)
    }

    /// Inserts edition `id` and its one document `id` (pages and chunks numbered from `id * 100`), as schema 5 did.
    static func insert(
        into store: any Store, id: Int, title: String, path: String, sha: String, date: String, number: String,
        pages: [(printed: String, text: String)]
    ) throws -> Int64 {
        func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        let head = """
            INSERT INTO editions (id, date, number) VALUES (\(id), \(literal(date)), \(literal(number)));
            INSERT INTO documents (id, edition_id, title, section, type, source_path, source_sha256, page_count)
            VALUES (\(id), \(id), \(literal(title)), 'Poder Ejecutivo', 'decreto', \(literal(path)), \(literal(sha)),
                    \(pages.count));
            """
        if let sqlite = store as? SQLiteStore {
            var sql = head
            for (offset, page) in pages.enumerated() {
                let n = id * 100 + offset + 1
                sql += """
                    INSERT INTO pages (id, document_id, page_index, printed_number, text)
                    VALUES (\(n), \(id), \(offset + 1), \(literal(page.printed)), \(literal(page.text)));
                    INSERT INTO chunks (id, document_id, page_id, ordinal, text)
                    VALUES (\(n), \(id), \(n), \(offset + 1), \(literal(page.text)));
                    INSERT INTO chunk_index (rowid, title, body)
                    VALUES (\(n), \(literal(offset == 0 ? title : "")), \(literal(page.text)));
                    """
            }
            try sqlite.connection.execute(sql)
            return Int64(id)
        }
        guard let postgres = store as? PostgresStore else { throw TestSupportError("unknown store \(store)") }
        try postgres.connection.execute(head)
        var tokens = 0
        for (offset, page) in pages.enumerated() {
            let n = id * 100 + offset + 1
            let vector = postgres.textSearch.vector(title: offset == 0 ? title : "", body: page.text)
            tokens += vector.tokenCount
            try postgres.connection.query(
                "INSERT INTO pages (id, document_id, page_index, printed_number, text) VALUES ($1, $2, $3, $4, $5)",
                [String(n), String(id), String(offset + 1), page.printed, page.text])
            try postgres.connection.query(
                """
                INSERT INTO chunks (id, document_id, page_id, ordinal, text, terms, token_count)
                VALUES ($1, $2, $3, $4, $5, $6::tsvector, $7)
                """,
                [
                    String(n), String(id), String(n), String(offset + 1), page.text, vector.literal,
                    String(vector.tokenCount),
                ])
        }
        try postgres.connection.query(
            "INSERT INTO chunk_totals (chunks, tokens) VALUES ($1, $2)", [String(pages.count), String(tokens)])
        try postgres.connection.execute(
            """
            INSERT INTO lexemes SELECT DISTINCT unnest(tsvector_to_array(terms)) FROM chunks ON CONFLICT DO NOTHING;
            SELECT setval(pg_get_serial_sequence('editions', 'id'), 100000);
            SELECT setval(pg_get_serial_sequence('documents', 'id'), 100000);
            SELECT setval(pg_get_serial_sequence('pages', 'id'), 100000);
            SELECT setval(pg_get_serial_sequence('chunks', 'id'), 100000);
            """)
        return Int64(id)
    }
}
