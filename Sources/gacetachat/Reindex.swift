import ArgumentParser
import GacetaConfig
import GacetaIngest
import GacetaStore

/// `gacetachat reindex`: the admin API's re-index, without an HTTP request's time limits (a whole corpus on
/// PostgreSQL can take longer than `request_terminate_timeout`); `--resplit` stores every kept PDF again as the
/// notices it holds.
struct Reindex: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the full-text index from the stored chunks (database.url / DATABASE_URL).",
        discussion: """
            Run it after an upgrade that changes the tokenizer or the stemmer. The pool may keep serving: \
            SQLite rebuilds in one transaction, PostgreSQL recomputes every row's search vector.

            --resplit reads every stored PDF again from its kept copy (storage.files_dir) and stores each \
            gazette edition as its notices (after the upgrade to schema version 6, or to a better splitter). \
            A missing copy is reported and its edition kept; conversations keep their quotes and their \
            citations move to the notice that now holds the page. One transaction per edition.
            """)

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Split every stored edition again into its notices, from the kept PDFs.") var resplit = false

    func run() throws {
        let settings = try options.loadOrExit()
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let store = try StoreFactory.open(url: settings.database.url)
            guard resplit else {
                let chunks = try store.reindex()
                print("reindexed \(chunks) chunks in \(clock.now - started)")
                return
            }
            let splitter = Resplitter(
                store: store, archive: PDFArchive(directory: settings.storage.filesDirectory), ocr: PageOCR())
            let summary = try splitter.run { line in printError(line) }
            print(
                "re-split \(summary.editions) editions (\(summary.notices) notices, \(summary.pages) pages) in "
                    + "\(clock.now - started); \(summary.missing.count) missing PDFs (editions kept), "
                    + "\(summary.notGazettes) not gazettes, \(summary.failed.count) failed, "
                    + "\(summary.citationsRemapped) conversation turns remapped")
            if !summary.failed.isEmpty { throw ExitCode.failure }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("reindex: \(error)")
            throw ExitCode.failure
        }
    }
}
