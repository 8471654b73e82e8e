import ArgumentParser
import GacetaAPI
import GacetaConfig
import GacetaCore
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
    @Flag(
        name: .customLong("relax"), inversion: .prefixedNo,
        help: "When all the words together find nothing, show passages with some of them.")
    var relax = true
    @Option(help: "Only notices of this type (ley, decreto, resolución, licitación, edicto, aviso…).")
    var type: String?
    @Option(help: "Only notices of this institution.") var institution: String?
    @Option(help: "relevance (default) or date (newest edition first).") var sort: String?
    @Option(
        help: ArgumentHelp(
            "Benchmark: run the search N times in this process and print timings instead of results.",
            visibility: .hidden))
    var repeatCount: Int?

    func run() throws {
        let settings = try options.loadOrExit()
        let parameters = SearchParameters(
            query: query, from: from, to: to, section: section, edition: edition, page: String(page),
            perPage: String(perPage), type: type, institution: institution, sort: sort)
        let request: SearchRequest
        do {
            request = try parameters.request()
        } catch {
            throw ValidationError(error.message)
        }
        let results: SearchResults
        var relaxed = false
        do {
            let store = try StoreFactory.open(url: settings.database.url)
            if let repeatCount {
                try Self.time(store: store, request: request, count: repeatCount)
                return
            }
            let outcome = try RelaxedSearch(index: store).search(request, allowed: relax)
            results = outcome.results
            relaxed = outcome.relaxed
        } catch {
            printError("search: \(error)")
            throw ExitCode.failure
        }
        if json {
            print(String(decoding: JSON.encode(SearchOutput(results, relaxed: relaxed)), as: UTF8.self))
            return
        }
        if relaxed { print("No passage holds all the words; these hold some of them.") }
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

    /// The in-process floor for `bench/search`: no HTTP, no FastCGI, the store alone.
    private static func time(store: any Store, request: SearchRequest, count: Int) throws {
        var samples: [Double] = []
        var total = 0
        for _ in 0..<max(1, count) {
            let start = ContinuousClock.now
            total = try store.search(request).total
            let elapsed = ContinuousClock.now - start
            samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        samples.sort()
        let p50 = samples[samples.count / 2]
        let p99 = samples[min(samples.count - 1, Int(Double(samples.count) * 0.99))]
        print("total=\(total) runs=\(samples.count) p50_ms=\(p50) p99_ms=\(p99)")
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
        let relaxed: Bool
        let hits: [SearchHit]
        init(_ results: SearchResults, relaxed: Bool) {
            self.relaxed = relaxed
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
