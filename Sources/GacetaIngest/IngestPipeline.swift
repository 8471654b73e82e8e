import GacetaCore
import GacetaText

/// Files → parsed pages → chunks → the store, one document per file and one transaction each.
/// Unchanged files (same path and SHA-256) are skipped before parsing.
public struct IngestPipeline {
    public enum FileOutcome: Sendable, Equatable {
        case stored(IngestOutcome, pages: Int)
        case unchanged
        case failed(String)
    }

    public struct Summary: Sendable, Equatable {
        public var inserted = 0
        public var replaced = 0
        public var unchanged = 0
        public var failed = 0
        public var pages = 0

        public init() {}
    }

    private let store: any Store
    private let digest: (String) throws -> String
    private let fallbackDate: String?
    private let chunker = Chunker()

    /// `digest` returns a file's SHA-256 (hex); `fallbackDate` is `--date`.
    public init(store: any Store, fallbackDate: String?, digest: @escaping (String) throws -> String) {
        self.store = store
        self.fallbackDate = fallbackDate
        self.digest = digest
    }

    /// Ingests one file; never throws: a bad file is reported and the run goes on.
    public func ingest(path: String) -> FileOutcome {
        do {
            let sha = try digest(path)
            if try store.sourceDigest(path: path) == sha { return .unchanged }
            let source = try SourceParser.parse(path: path, fallbackDate: fallbackDate)
            guard let date = source.date else {
                return .failed("no edition date in the file or its name; pass --date YYYY-MM-DD")
            }
            let document = IngestDocument(
                sourcePath: path, sourceSHA256: sha,
                edition: .init(
                    date: date, number: source.editionNumber, sourceURL: source.sourceURL,
                    sha256: source.kind == .pdf ? sha : nil),
                title: source.title, section: source.section, type: source.type, identifier: source.identifier,
                pages: source.pages.map { page in
                    .init(
                        index: page.index, printedNumber: page.printedNumber,
                        text: chunker.normalizedText(of: page.text), chunks: chunker.chunks(of: page.text))
                })
            let outcome = try store.ingest(document)
            return .stored(outcome, pages: document.pages.count)
        } catch {
            return .failed("\(error)")
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
        }
    }
}
