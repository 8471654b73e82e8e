import Foundation
import GacetaCore
import GacetaIngest
import TestSupport
import Testing

/// `reindex --resplit` on a database built by schema version 5: each kept PDF's edition becomes its notices, a
/// missing PDF is reported and its document kept, and stored conversations keep their quotes while their citations
/// move to the notice that now holds the page.
@Suite struct ResplitConformanceTests {
    @Test(arguments: StoreKind.testable) func aSchemaFiveDatabaseIsResplitFromItsKeptPDFs(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind, schema: 5)
        let folder = try Paths.temporaryDirectory("resplit")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let edition = GeneratedEdition()
        let day = String(format: "%02d", edition.day)
        let path = "\(folder)/COMP_\(day)_07_2024.pdf"
        try edition.write(to: path)
        let sha = String(try Shell.run("sha256sum", [path]).stdout.prefix(64))
        let archive = PDFArchive(directory: "\(folder)/files")
        try archive.keep(path: path, sha256: sha)

        // As schema 5 stored it: the whole file as one document, its pages as pdftotext gave them.
        let raw = try PDFText.pages(of: path, columns: true)
        let reading = EditionReader.read(rawPages: raw, fileName: path)
        let decree = try #require(reading.split?.notices.first { $0.title.hasPrefix("DECRETO") })
        let legacy = try StoreFixtureV5.insert(
            into: harness.store, id: 1, title: "La Gaceta Nº \(edition.number)", path: path, sha: sha,
            date: "2024-07-\(day)", number: String(edition.number),
            pages: reading.pages.map { ($0.printedNumber ?? "", $0.text) })
        let missing = try StoreFixtureV5.insert(
            into: harness.store, id: 2, title: "La Gaceta Nº 130", path: "\(folder)/gone.pdf",
            sha: String(repeating: "b", count: 64), date: "2024-07-30", number: "130",
            pages: [("1", "Un decreto cuyo PDF ya no está guardado.")])
        let quote = "Créase la comisión de los faroles verdes"
        try harness.store.migrate()
        try harness.store.createConversation(id: "c1", now: "2024-07-20T00:00:00Z")
        let citation = Citation(
            n: 1, editionDate: "2024-07-\(day)", editionNumber: String(edition.number), documentID: legacy,
            documentTitle: "La Gaceta Nº \(edition.number)", page: decree.firstPage, printedPage: nil, quote: quote)
        try harness.store.appendTurn(
            ConversationTurn(
                question: "¿Qué comisión se crea?",
                answer: Answer(text: "Se crea la comisión [1].", citations: [citation], provider: "extractive"),
                createdAt: "2024-07-20T00:00:00Z"),
            conversationID: "c1")

        var lines: [String] = []
        let summary = try Resplitter(store: harness.store, archive: archive).run { lines.append($0) }
        #expect(summary.editions == 1)
        #expect(summary.missing == ["\(folder)/gone.pdf"])
        #expect(lines.contains { $0.hasPrefix("missing PDF: \(folder)/gone.pdf") }, "\(lines)")
        #expect(summary.citationsRemapped == 1)

        #expect(try harness.store.document(id: legacy) == nil, "the whole document gave way to its notices")
        #expect(try harness.store.document(id: missing)?.title == "La Gaceta Nº 130", "kept: its PDF is missing")
        let stored = try #require(try harness.store.edition(date: "2024-07-\(day)").first)
        let documents = try harness.store.documents(editionID: stored.id)
        #expect(documents.count == edition.notices.count + 1)
        #expect(documents.dropFirst().map(\.title) == edition.notices.map(\.title))
        let notice = try #require(documents.first { $0.title.hasPrefix("DECRETO") })

        let turn = try #require(try harness.store.conversation(id: "c1")?.turns.first)
        let remapped = try #require(turn.answer.citations.first)
        #expect(remapped.documentID == notice.id)
        #expect(remapped.documentTitle == notice.title)
        #expect(remapped.quote == quote && remapped.page == decree.firstPage)
        #expect(remapped.url == "/api/v1/documents/\(notice.id)/pages/\(decree.firstPage)")
        let page = try #require(try harness.store.page(documentID: notice.id, index: remapped.page))
        #expect(page.text.contains(quote))
    }
}
