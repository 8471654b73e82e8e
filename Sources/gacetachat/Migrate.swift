import ArgumentParser
import GacetaConfig
import GacetaStore

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the database schema migrations this build needs (database.url / DATABASE_URL).")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let settings = try options.loadOrExit()
        do {
            let store = try StoreFactory.open(url: settings.database.url)
            let applied = try store.migrate()
            let version = try store.schemaVersion()
            print(
                applied.isEmpty
                    ? "database already at schema version \(version.current)"
                    : "applied migrations \(applied.map(String.init).joined(separator: ", ")); schema version \(version.current)"
            )
        } catch {
            printError("migrate: \(error)")
            throw ExitCode.failure
        }
    }
}
