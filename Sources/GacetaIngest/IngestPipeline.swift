import GacetaCore
import GacetaText

/// Files → parsed pages → chunks → the store, one transaction per file: a gazette edition as its notices, any other
/// file as one document. Unchanged files (same path and SHA-256) are skipped before parsing.
public struct IngestPipeline {
    public enum FileOutcome: Sendable, Equatable {
        case stored(IngestedFile)
        case unchanged
        /// The publisher's placeholder for a day without an edition: nothing stored, not a failure.
        case noEdition(String)
        case failed(String)
    }

    public struct Summary: Sendable, Equatable {
        public var inserted = 0
        public var replaced = 0
        public var unchanged = 0
        public var failed = 0
        public var noEdition = 0
        public var pages = 0
        /// Notices stored from gazette editions (their sumarios included).
        public var notices = 0
        public var ocrPages = 0
        /// Pages stored without text (no tesseract; `reindex --resplit` reads them later).
        public var pagesWithoutText = 0

        public init() {}
    }

    private let store: any DocumentSink
    private let digest: (String) throws -> String
    private let fallbackDate: String?
    private let archive: PDFArchive?
    /// Reads pages without text with tesseract; nil in a worker (it never runs OCR).
    private let ocr: PageOCR?

    /// `digest` returns a file's SHA-256 (hex); `fallbackDate` is `--date`; `archive`, when given, keeps a copy of
    /// every PDF seen (new, changed or unchanged), before its document is stored.
    public init(
        store: any DocumentSink, fallbackDate: String?, archive: PDFArchive? = nil, ocr: PageOCR? = nil,
        digest: @escaping (String) throws -> String
    ) {
        self.ocr = ocr
        self.store = store
        self.fallbackDate = fallbackDate
        self.archive = archive
        self.digest = digest
    }

    /// Ingests one file; never throws: a bad file is reported and the run goes on.
    public func ingest(path: String) -> FileOutcome {
        switch check(path: path) {
        case .parse(let sha): store(Self.prepare(path: path, sha: sha, fallbackDate: fallbackDate, ocr: ocr))
        case .done(let outcome): outcome
        }
    }

    /// Ingests `paths` in order while the next `lookahead` files are parsed on other threads (pdftotext and
    /// chunking overlap with each other and with the database writes, which stay on this thread, in order).
    /// `report` sees each file's outcome.
    public func ingest(paths: [String], lookahead: Int = 2, report: (String, FileOutcome) -> Void) {
        let fallbackDate = fallbackDate
        let ocr = ocr
        var queue: [(path: String, result: Prefetch)] = []
        var index = 0
        func fill() {
            while queue.count < max(1, lookahead) && index < paths.count {
                let path = paths[index]
                index += 1
                switch check(path: path) {
                case .done(let outcome) where queue.isEmpty: report(path, outcome)
                case .done(let outcome):
                    // Keep the order of reports: queue an already-finished result.
                    queue.append((path, Prefetch(finished: .failure(IngestError(path: path, message: "")), outcome)))
                case .parse(let sha):
                    let prefetch = Prefetch()
                    prefetch.start { Self.prepare(path: path, sha: sha, fallbackDate: fallbackDate, ocr: ocr) }
                    queue.append((path, prefetch))
                }
            }
        }
        fill()
        while !queue.isEmpty {
            let current = queue.removeFirst()
            let prepared = current.result.wait()
            fill()
            report(current.path, current.result.outcome ?? store(prepared))
        }
    }

    private enum Check {
        case parse(sha: String)
        case done(FileOutcome)
    }

    /// On the store's thread: unchanged files are skipped before parsing. A PDF is kept first, so a stored
    /// document always has its file (and a rerun restores a missing one).
    private func check(path: String) -> Check {
        do {
            let sha = try digest(path)
            if let archive, SourceKind(fileName: path) == .pdf { try archive.keep(path: path, sha256: sha) }
            if try store.sourceDigest(path: path) == sha {
                guard let stored = try store.storedFile(path: path) else { return .done(.unchanged) }
                return .done(
                    .stored(
                        IngestedFile(
                            change: .unchanged, editionID: stored.editionID, documents: stored.documents, pages: 0,
                            editionNumber: nil, isEdition: stored.documents.count > 1)))
            }
            return .parse(sha: sha)
        } catch {
            return .done(.failed("\(error)"))
        }
    }

    /// Parsing and chunking: no store, safe on any thread.
    static func prepare(
        path: String, sha: String, fallbackDate: String?, contents: String? = nil, ocr: PageOCR? = nil
    ) -> Result<PreparedFile, IngestError> {
        let chunker = Chunker()
        let source: ParsedSource
        do {
            source = try SourceParser.parse(path: path, fallbackDate: fallbackDate, contents: contents, ocr: ocr)
        } catch {
            return .failure(error)
        }
        if let (masthead, reading) = source.edition {
            let (edition, notes) = EditionDocuments.make(
                path: path, sha: sha, masthead: masthead, reading: reading, fallbackDate: fallbackDate,
                sourceURL: source.sourceURL, ocrPages: Set(source.ocrPages))
            return .success(
                .edition(edition, notes: notes + ocrNotes(source), pagesWithoutText: source.pagesWithoutText))
        }
        guard let date = source.date else {
            return .failure(
                IngestError(path: path, message: "no edition date in the file or its name; pass --date YYYY-MM-DD"))
        }
        return .success(
            .document(
                IngestDocument(
                    sourcePath: path, sourceSHA256: sha,
                    edition: .init(
                        date: date, number: source.editionNumber, sourceURL: source.sourceURL,
                        sha256: source.kind == .pdf ? sha : nil),
                    title: source.title, section: source.section, type: source.type, identifier: source.identifier,
                    pages: source.pages.map { page in
                        .init(
                            index: page.index, printedNumber: page.printedNumber,
                            text: chunker.normalizedText(of: page.text), chunks: chunker.chunks(of: page.text),
                            ocr: source.ocrPages.contains(page.index))
                    }), notes: ocrNotes(source), pagesWithoutText: source.pagesWithoutText))
    }

    /// What the ingest line says about pages without text.
    static func ocrNotes(_ source: ParsedSource) -> [String] {
        var notes: [String] = []
        if !source.ocrPages.isEmpty {
            notes.append("pages read by OCR: \(source.ocrPages.map(String.init).joined(separator: ", "))")
        }
        if !source.pagesWithoutText.isEmpty {
            let reason =
                source.ocrProblems.first.map { " (\($0))" }
                ?? " (no OCR here: 'gacetachat reindex --resplit' reads them)"
            notes.append(
                "pages without text: \(source.pagesWithoutText.map(String.init).joined(separator: ", "))\(reason)")
        }
        return notes
    }

    private func store(_ prepared: Result<PreparedFile, IngestError>) -> FileOutcome {
        switch prepared {
        case .failure(let error):
            return error.isPlaceholder ? .noEdition(error.message) : .failed(error.message)
        case .success(.document(let document, let notes, let pagesWithoutText)):
            do {
                let (change, id): (EditionIngestOutcome.Change, Int64) =
                    switch try store.ingest(document) {
                    case .inserted(let id): (.inserted, id)
                    case .replaced(let id): (.replaced, id)
                    case .unchanged(let id): (.unchanged, id)
                    }
                let firstPage = document.pages.first?.index ?? 1
                return .stored(
                    IngestedFile(
                        change: change, editionID: try store.editionID(ofDocument: id) ?? 0,
                        documents: [
                            .init(
                                id: id, title: document.title, firstPage: firstPage,
                                lastPage: document.pages.last?.index ?? firstPage)
                        ],
                        pages: document.pages.count, editionNumber: document.edition.number, isEdition: false,
                        notes: notes, ocrPages: document.pages.filter(\.ocr).map(\.index),
                        pagesWithoutText: pagesWithoutText))
            } catch {
                return .failed("\(error)")
            }
        case .success(.edition(let edition, let notes, let pagesWithoutText)):
            do {
                let outcome = try store.ingest(edition: edition)
                return .stored(
                    IngestedFile(
                        change: outcome.change, editionID: outcome.editionID, documents: outcome.documents,
                        pages: edition.edition.pages ?? 0, editionNumber: edition.edition.number, isEdition: true,
                        notes: outcome.change == .unchanged ? [] : notes,
                        ocrPages: Array(Set(edition.notices.flatMap { $0.pages.filter(\.ocr).map(\.index) })).sorted(),
                        pagesWithoutText: pagesWithoutText))
            } catch {
                return .failed("\(error)")
            }
        }
    }

    public static func tally(_ outcome: FileOutcome, into summary: inout Summary) {
        switch outcome {
        case .stored(let file) where file.change == .inserted:
            summary.inserted += 1
            summary.pages += file.pages
            summary.ocrPages += file.ocrPages.count
            summary.pagesWithoutText += file.pagesWithoutText.count
            summary.notices += file.isEdition ? file.documents.count : 0
        case .stored(let file) where file.change == .replaced:
            summary.replaced += 1
            summary.pages += file.pages
            summary.ocrPages += file.ocrPages.count
            summary.pagesWithoutText += file.pagesWithoutText.count
            summary.notices += file.isEdition ? file.documents.count : 0
        case .stored, .unchanged:
            summary.unchanged += 1
        case .failed:
            summary.failed += 1
        case .noEdition:
            summary.noEdition += 1
        }
    }
}
