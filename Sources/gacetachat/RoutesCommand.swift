import ArgumentParser
import GacetaAPI
import GacetaStore

/// `gacetachat routes`: the routes a worker answers with this configuration, as nginx must know them (every
/// public route has its own location in nginx/snippets/gacetachat-app.conf; a test compares the two).
struct RoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "List the HTTP routes the workers answer, one 'METHOD /pattern/{parameter}' a line.")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let settings = try options.loadOrExit()
        do {
            let store = try StoreFactory.open(url: settings.database.url)
            let router = API.router(context: ServiceFactory.context(settings: settings, store: store))
            for route in router.table { print("\(route.method) \(route.pattern)") }
        } catch {
            printError("routes: \(error)")
            throw ExitCode.failure
        }
    }
}
