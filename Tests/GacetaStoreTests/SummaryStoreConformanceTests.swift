import Foundation
import GacetaChat
import GacetaCore
import GacetaIngest
import Logging
import TestSupport
import Testing

/// Conformance, run against every `StoreKind`: daily summaries made from a groff-made edition stored as its
/// notices: the date's notices as the summary reads them, a summary stored and read back, bullets that follow
/// their notices' keys across a re-split, failures recorded and counted, editions by date range.
@Suite struct SummaryStoreConformanceTests {
    /// A generated edition typeset and ingested through the real pipeline into `harness`.
    struct Stored {
        let folder: String
        let edition: GeneratedEdition
        let path: String
        var date: String { String(format: "2024-07-%02d", edition.day) }

        init(_ harness: StoreHarness, edition: GeneratedEdition = GeneratedEdition()) throws {
            folder = try Paths.temporaryDirectory("summary")
            self.edition = edition
            path = "\(folder)/COMP_\(String(format: "%02d", edition.day))_07_2024.pdf"
            try edition.write(to: path)
            try ingest(harness)
        }

        func ingest(_ harness: StoreHarness) throws {
            let outcome = IngestPipeline(store: harness.store, fallbackDate: nil) { path in
                String(try Shell.run("sha256sum", [path]).stdout.prefix(64))
            }.ingest(path: path)
            guard case .stored = outcome else { throw TestSupportError("not stored: \(outcome)") }
        }

        func cleanup() { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Words joined by single spaces (a bullet's two sentences may stand in two paragraphs).
    static func spaced(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func service(_ store: any Store) -> SummaryService {
        SummaryService(store: store, summarizer: Summarizer(model: nil), logger: Logger(label: "test"))
    }

    @Test(arguments: StoreKind.testable) func theDatesNoticesWithTheirOwnPages(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let stored = try Stored(harness)
        defer { stored.cleanup() }
        #expect(try harness.store.summarySource(date: "2024-08-30") == nil)
        let source = try #require(try harness.store.summarySource(date: stored.date))
        #expect(source.editionNumber == String(stored.edition.number))
        #expect(source.publication == "La Gaceta")
        #expect(source.notices.map(\.title) == stored.edition.notices.map(\.title), "no sumario, edition order")
        #expect(source.notices.map(\.type) == stored.edition.notices.map(\.type))
        #expect(source.notices.map(\.key) == stored.edition.notices.map(\.code))
        for notice in source.notices {
            #expect(!notice.pages.isEmpty)
            for page in notice.pages {
                let stored = try #require(try harness.store.page(documentID: notice.documentID, index: page.index))
                #expect(stored.text == page.text)
            }
        }
    }

    @Test(arguments: StoreKind.testable) func aSummaryIsStoredAndFollowsItsNoticesAcrossAReSplit(
        _ kind: StoreKind
    ) throws {
        let harness = try StoreHarness(kind)
        let stored = try Stored(harness)
        defer { stored.cleanup() }
        guard case .stored(let summary, nil) = Self.service(harness.store).generate(date: stored.date) else {
            Issue.record("no summary")
            return
        }
        #expect(summary.bullets.count == 5)
        // Ranked by type: the decree first, the edict (sixth of six by type) left out.
        #expect(summary.bullets.first?.documentTitle == "DECRETO EJECUTIVO N° 44123-MP")
        #expect(!summary.bullets.contains { $0.documentTitle.hasPrefix("EDICTO") })
        for bullet in summary.bullets {
            let page = try #require(try harness.store.page(documentID: bullet.documentID, index: bullet.page))
            let text = Self.spaced(page.text)
            // Without the "Decreto 44123-MP: " a bullet may open with, its sentences stand on the page.
            let unprefixed = String(bullet.text.split(separator: ":", maxSplits: 1).last ?? "")
            let quote = text.contains(Self.spaced(bullet.text)) ? bullet.text : unprefixed
            #expect(text.contains(Self.spaced(quote)), "bullet not on its page \(bullet.page): \(bullet.text)")
        }
        let read = try #require(try harness.store.summary(date: stored.date))
        #expect(read.summary == summary)
        #expect(read.failure == nil)

        // The same edition as other bytes (a re-split): new documents, the same keys; the bullets follow them.
        let before = try harness.store.edition(date: stored.date).first.map {
            try harness.store.documents(editionID: $0.id)
        }
        try Data(" ".utf8).append(toFile: stored.path)
        try stored.ingest(harness)
        let after = try #require(try harness.store.summary(date: stored.date)?.summary)
        let documents = try #require(
            try harness.store.edition(date: stored.date).first.map { try harness.store.documents(editionID: $0.id) })
        #expect(Set(documents.map(\.id)).isDisjoint(with: Set((before ?? []).map(\.id))), "new documents")
        #expect(after.bullets.map(\.noticeKey) == summary.bullets.map(\.noticeKey))
        for bullet in after.bullets {
            let document = try #require(documents.first { $0.id == bullet.documentID }, "\(bullet.noticeKey)")
            #expect(document.notice.key == bullet.noticeKey)
            #expect(document.title == bullet.documentTitle)
        }
    }

    @Test(arguments: StoreKind.testable) func failuresAreRecordedCountedAndClearedBySuccess(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        guard case .failed(.noEdition, _) = Self.service(harness.store).generate(date: "2024-07-30") else {
            Issue.record("a date without edition got a summary")
            return
        }
        let missing = try #require(try harness.store.summary(date: "2024-07-30"))
        #expect(missing.summary == nil)
        #expect(missing.failure?.reason == "no_edition")
        try harness.store.recordSummaryFailure(date: "2024-07-30", reason: .noEdition, message: "again", at: "t")
        #expect(try harness.store.fetchCounters()[SummaryFailure.noEdition.counterName] == 2)

        let stored = try Stored(harness)
        defer { stored.cleanup() }
        try harness.store.recordSummaryFailure(date: stored.date, reason: .storeError, message: "x", at: "t")
        guard case .stored = Self.service(harness.store).generate(date: stored.date) else {
            Issue.record("no summary")
            return
        }
        #expect(try harness.store.summary(date: stored.date)?.failure == nil, "a stored summary clears the failure")
    }

    @Test(arguments: StoreKind.testable) func editionsByDateRange(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let stored = try Stored(harness)
        defer { stored.cleanup() }
        let hit = try harness.store.editions(from: "2024-07-01", to: "2024-07-31")
        #expect(hit.map(\.date) == [stored.date])
        #expect(hit.first?.number == String(stored.edition.number))
        #expect(hit.first?.documentCount == stored.edition.notices.count + 1, "the notices and the sumario")
        #expect(try harness.store.editions(from: "2024-08-01", to: "2024-08-31").isEmpty)
        #expect(try harness.store.editions(from: stored.date, to: stored.date).count == 1, "bounds included")
    }
}

extension Data {
    fileprivate func append(toFile path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: self)
    }
}
