import GacetaCore
import GacetaText

/// Files → parsed pages → chunks → the store, one document per file and one transaction each.
/// Unchanged files (same path and SHA-256) are skipped before parsing.
public struct IngestPipeline {
    public enum FileOutcome: Sendable, Equatable {
        case stored(IngestOutcome, pages: Int)
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

        public init() {}
    }

    private let store: any DocumentSink
    private let digest: (String) throws -> String
    private let fallbackDate: String?
    private let archive: PDFArchive?

    /// `digest` returns a file's SHA-256 (hex); `fallbackDate` is `--date`; `archive`, when given, keeps a copy of
    /// every PDF seen (new, changed or unchanged), before its document is stored.
    public init(
        store: any DocumentSink, fallbackDate: String?, archive: PDFArchive? = nil,
        digest: @escaping (String) throws -> String
    ) {
        self.store = store
        self.fallbackDate = fallbackDate
        self.archive = archive
        self.digest = digest
    }

    /// Ingests one file; never throws: a bad file is reported and the run goes on.
    public func ingest(path: String) -> FileOutcome {
        switch check(path: path) {
        case .parse(let sha): store(Self.prepare(path: path, sha: sha, fallbackDate: fallbackDate))
        case .done(let outcome): outcome
        }
    }

    /// Ingests `paths` in order while the next `lookahead` files are parsed on other threads (pdftotext and
    /// chunking overlap with each other and with the database writes, which stay on this thread, in order).
    /// `report` sees each file's outcome.
    public func ingest(paths: [String], lookahead: Int = 2, report: (String, FileOutcome) -> Void) {
        let fallbackDate = fallbackDate
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
                    prefetch.start { Self.prepare(path: path, sha: sha, fallbackDate: fallbackDate) }
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
            if try store.sourceDigest(path: path) == sha { return .done(.unchanged) }
            return .parse(sha: sha)
        } catch {
            return .done(.failed("\(error)"))
        }
    }

    /// Parsing and chunking: no store, safe on any thread.
    static func prepare(path: String, sha: String, fallbackDate: String?) -> Result<IngestDocument, IngestError> {
        let chunker = Chunker()
        let source: ParsedSource
        do {
            source = try SourceParser.parse(path: path, fallbackDate: fallbackDate)
        } catch {
            return .failure(error)
        }
        guard let date = source.date else {
            return .failure(
                IngestError(path: path, message: "no edition date in the file or its name; pass --date YYYY-MM-DD"))
        }
        return .success(
            IngestDocument(
                sourcePath: path, sourceSHA256: sha,
                edition: .init(
                    date: date, number: source.editionNumber, sourceURL: source.sourceURL,
                    sha256: source.kind == .pdf ? sha : nil),
                title: source.title, section: source.section, type: source.type, identifier: source.identifier,
                pages: source.pages.map { page in
                    .init(
                        index: page.index, printedNumber: page.printedNumber,
                        text: chunker.normalizedText(of: page.text), chunks: chunker.chunks(of: page.text))
                }))
    }

    private func store(_ prepared: Result<IngestDocument, IngestError>) -> FileOutcome {
        switch prepared {
        case .failure(let error):
            return error.isPlaceholder ? .noEdition(error.message) : .failed(error.message)
        case .success(let document):
            do {
                return .stored(try store.ingest(document), pages: document.pages.count)
            } catch {
                return .failed("\(error)")
            }
        }
    }

    public static func tally(_ outcome: FileOutcome, into summary: inout Summary) {
        switch outcome {
        case .stored(.inserted, let pages):
            summary.inserted += 1
            summary.pages += pages
        case .stored(.replaced, let pages):
            summary.replaced += 1
            summary.pages += pages
        case .stored(.unchanged, _), .unchanged:
            summary.unchanged += 1
        case .failed:
            summary.failed += 1
        case .noEdition:
            summary.noEdition += 1
        }
    }
}
