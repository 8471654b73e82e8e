import ArgumentParser
import GacetaConfig
import GacetaStore

/// `gacetachat reindex`: the admin API's re-index, without an HTTP request's time limits (a whole corpus on
/// PostgreSQL can take longer than `request_terminate_timeout`).
struct Reindex: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the full-text index from the stored chunks (database.url / DATABASE_URL).",
        discussion: """
            Run it after an upgrade that changes the tokenizer or the stemmer. The pool may keep serving: \
            SQLite rebuilds in one transaction, PostgreSQL recomputes every row's search vector.
            """)

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let settings = try options.loadOrExit()
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let store = try StoreFactory.open(url: settings.database.url)
            let chunks = try store.reindex()
            print("reindexed \(chunks) chunks in \(clock.now - started)")
        } catch {
            printError("reindex: \(error)")
            throw ExitCode.failure
        }
    }
}
