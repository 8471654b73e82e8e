import GacetaCore

/// `gacetachat reindex --resplit`: every PDF already stored is read again from its kept copy (`storage.files_dir`)
/// and its edition stored as the notices it holds now (a database from before editions were split, or a better
/// splitter). A missing copy is reported and its edition kept. Stored conversations keep their quotes; their
/// citations move to the notice that now holds the cited page.
public struct Resplitter {
    public struct Summary: Sendable, Equatable {
        public var editions = 0
        public var notices = 0
        public var pages = 0
        /// Kept as they were: files whose copy is missing (named), and PDFs that are not gazettes.
        public var missing: [String] = []
        public var notGazettes = 0
        public var failed: [String] = []
        public var citationsRemapped = 0

        public init() {}
    }

    /// What a re-split reads and writes.
    public typealias Stores = DocumentSink & EditionCatalogue & ConversationStore

    private let store: any Stores
    private let archive: PDFArchive
    /// Files read ahead on other threads.
    private let lookahead: Int

    /// Reads pages without text (stored so by a worker, or before tesseract was installed).
    private let ocr: PageOCR?

    public init(store: any Stores, archive: PDFArchive, ocr: PageOCR? = nil, lookahead: Int = 2) {
        self.ocr = ocr
        self.store = store
        self.archive = archive
        self.lookahead = max(1, lookahead)
    }

    /// Re-splits every stored PDF; `report` sees one line per file.
    public func run(report: (String) -> Void) throws(StoreError) -> Summary {
        var summary = Summary()
        /// Old document id → the documents that now hold its pages.
        var moved: [Int64: [EditionIngestOutcome.StoredNotice]] = [:]
        // The next files are read on other threads while this one stores (as `IngestPipeline` does).
        let sources = try store.storedPDFs()
        let ocr = ocr
        var pending: [(source: DocumentSource, prefetch: Prefetch)] = []
        var next = 0
        func fill() {
            while pending.count < lookahead, next < sources.count {
                let source = sources[next]
                next += 1
                guard let relative = StoredFile.relativePath(sha256: source.sha256),
                    case .success = SystemCall.status(of: "\(archive.directory)/\(relative)")
                else {
                    summary.missing.append(source.path)
                    report("missing PDF: \(source.path) (\(source.sha256.prefix(12))…): its edition is kept as it was")
                    continue
                }
                let kept = "\(archive.directory)/\(relative)"
                let prefetch = Prefetch()
                prefetch.start {
                    IngestPipeline.prepare(
                        path: source.path, sha: source.sha256, fallbackDate: nil, contents: kept, ocr: ocr)
                }
                pending.append((source, prefetch))
            }
        }
        fill()
        while !pending.isEmpty {
            let (source, prefetch) = pending.removeFirst()
            let prepared = prefetch.wait()
            fill()
            let old = try store.documentIDs(ofFile: source.path)
            switch prepared {
            case .success(.edition(var edition, _, _)):
                edition.force = true
                let outcome = try store.ingest(edition: edition)
                for id in old where !outcome.documents.contains(where: { $0.id == id }) {
                    moved[id] = outcome.documents
                }
                summary.editions += 1
                summary.notices += outcome.documents.count
                summary.pages += edition.edition.pages ?? 0
                report("re-split \(source.path): \(outcome.documents.count) notices")
            case .success(.document):
                summary.notGazettes += 1
            case .failure(let error) where error.isPlaceholder:
                summary.notGazettes += 1
            case .failure(let error):
                summary.failed.append(source.path)
                report("failed: \(error)")
            }
        }
        guard !moved.isEmpty else { return summary }
        summary.citationsRemapped = try store.remapCitations { citations in
            var changed = false
            let remapped = citations.map { citation -> Citation in
                guard let candidates = moved[citation.documentID] else { return citation }
                let holding = candidates.filter { ($0.firstPage...$0.lastPage).contains(citation.page) }
                let chosen =
                    holding.first { notice in
                        (try? store.page(documentID: notice.id, index: citation.page))?.text.contains(citation.quote)
                            == true
                    } ?? holding.first { $0.firstPage != $0.lastPage || holding.count == 1 } ?? holding.first
                guard let chosen else { return citation }
                changed = true
                var updated = Citation(
                    n: citation.n, editionDate: citation.editionDate, editionNumber: citation.editionNumber,
                    documentID: chosen.id, documentTitle: chosen.title, page: citation.page,
                    printedPage: citation.printedPage, quote: citation.quote, publication: citation.publication)
                updated.reference = citation.reference ?? updated.reference
                return updated
            }
            return changed ? remapped : nil
        }
        return summary
    }
}
