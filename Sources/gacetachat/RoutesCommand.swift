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
    @Flag(help: "Print the OpenAPI 3.1 description of the API (what /api/v1/openapi.json answers) instead.")
    var openapi = false

    func run() throws {
        if openapi {
            print(String(decoding: OpenAPIDocument.json, as: UTF8.self))
            return
        }
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
