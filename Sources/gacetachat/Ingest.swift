import ArgumentParser
import GacetaAPI
import GacetaConfig
import GacetaCore
import GacetaIngest
import GacetaStore
import Glibc

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add gazette files to the database: PDFs, Markdown/text files, folders of them.",
        discussion: """
            Each file becomes one document, written in one transaction; a file already stored with the
            same SHA-256 is skipped, a changed one replaces its old version. A bad file is reported and
            skipped; the exit code is 1 when any failed.
            """)

    @OptionGroup var options: ConfigOptions

    @Argument(help: "Files or folders.") var paths: [String]

    @Option(help: "Edition date (YYYY-MM-DD) for files that show none.") var date: String?

    @Flag(
        name: .customLong("no-ocr"),
        help: """
            Leave pages without text (scans) unread: they are counted and listed as pages_without_text, and             'gacetachat reindex --resplit' reads them later. Without it, tesseract reads them (at most 60 s a page).
            """)
    var noOCR = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one file or folder to ingest") }
        do {
            _ = try SearchParameters.date(date, name: "--date")
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        let settings = try options.loadOrExit()
        let files: [String]
        do {
            files = try SourceFinder.files(in: paths).map(Self.absolute)
        } catch {
            throw ValidationError("\(error)")
        }
        let store = try openStoreOrExit(settings, command: "ingest")
        let pipeline = ServiceFactory.ingestPipeline(settings: settings, store: store, fallbackDate: date, ocr: !noOCR)
        var progress = IngestProgress(total: files.count, interactive: isatty(STDERR_FILENO) == 1)
        var summary = IngestPipeline.Summary()
        pipeline.ingest(paths: files) { file, outcome in
            IngestPipeline.tally(outcome, into: &summary)
            progress.advance(file: file, outcome: outcome, summary: summary)
        }
        progress.finish(summary)
        if summary.failed > 0 { throw ExitCode.failure }
    }

    private static func absolute(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
