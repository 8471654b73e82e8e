import ArgumentParser
import GacetaConfig
import GacetaCore
import GacetaSearch
import GacetaStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search the gazette from the shell (same language as the API).")

    @OptionGroup var options: ConfigOptions

    @Argument(help: "What to look for, e.g. '\"salario mínimo\" -doméstico'.")
    var query: String

    @Option(help: "Earliest edition date, YYYY-MM-DD.") var from: String?
    @Option(help: "Latest edition date, YYYY-MM-DD.") var to: String?
    @Option(help: "Section or type, e.g. Licitaciones.") var section: String?
    @Option(help: "Edition number.") var edition: String?
    @Option(help: "Results page (from 1).") var page: Int = 1
    @Option(name: .customLong("per-page"), help: "Results per page (1-100).") var perPage: Int = 10
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let settings = try options.loadOrExit()
        let parameters = SearchService.Parameters(
            query: query, from: from, to: to, section: section, edition: edition, page: String(page),
            perPage: String(perPage))
        let request: SearchRequest
        do {
            request = try SearchService.request(from: parameters)
        } catch {
            throw ValidationError(error.message)
        }
        let results: SearchResults
        do {
            results = try StoreFactory.open(url: settings.database.url).search(request)
        } catch {
            printError("search: \(error)")
            throw ExitCode.failure
        }
        if json {
            print(String(decoding: JSON.encode(SearchOutput(results)), as: UTF8.self))
            return
        }
        print("\(results.total) results\(results.total > results.perPage ? " (page \(results.page))" : "")")
        for (offset, hit) in results.hits.enumerated() {
            let number = hit.editionNumber.map { " Nº \($0)" } ?? ""
            let printed = hit.printedPage.map { " (p. \($0) impresa)" } ?? ""
            print("\n\((results.page - 1) * results.perPage + offset + 1). \(hit.documentTitle)")
            print(
                "   La Gaceta\(number), \(hit.editionDate), página \(hit.page)\(printed) — documento \(hit.documentID)")
            print("   " + Self.plain(hit.snippet))
        }
    }

    /// The snippet for a terminal: `<mark>` as brackets, entities decoded.
    static func plain(_ html: String) -> String {
        html.replacingAll("<mark>", with: "[").replacingAll("</mark>", with: "]").replacingAll("&lt;", with: "<")
            .replacingAll("&gt;", with: ">").replacingAll("&quot;", with: "\"").replacingAll("&#39;", with: "'")
            .replacingAll("&amp;", with: "&")
    }

    struct SearchOutput: Encodable {
        let total: Int
        let page: Int
        let perPage: Int
        let hits: [SearchHit]
        init(_ results: SearchResults) {
            total = results.total
            page = results.page
            perPage = results.perPage
            hits = results.hits
        }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
