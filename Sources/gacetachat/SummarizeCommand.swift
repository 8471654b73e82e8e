import ArgumentParser
import GacetaChat
import GacetaConfig
import GacetaCore
import GacetaFetch
import GacetaStore
import Logging

/// `gacetachat summarize --date D`: (re)generates a day's summary, as fetch does after storing an edition.
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Generate and store the summary of a day's editions (five bullets, each citing its page).",
        discussion: """
            The [llm] model writes it when configured (each bullet checked against the page it cites; an \
            unsupported one is replaced by the offline bullet), else it is written offline. Prints the bullets; \
            exit status 1 when no summary could be stored (the reason is logged, stored for \
            /api/v1/editions/{date}/summary and counted in gacetachat_summary_failures_total).
            """)

    @OptionGroup var options: ConfigOptions

    @Option(help: "The edition date, YYYY-MM-DD.") var date: String

    func validate() throws {
        guard CalendarDate(date) != nil else {
            throw ValidationError("--date '\(date)' is not a date; write YYYY-MM-DD, e.g. 2024-07-15")
        }
    }

    func run() throws {
        let settings = try options.loadOrExit()
        let store = try openStoreOrExit(settings, command: "summarize")
        var logger = Logger(label: "gacetachat.summary")
        logger.logLevel = Logger.Level(settings.log.level)
        let service = ServiceFactory.summaryService(settings: settings, store: store, logger: logger)
        switch service.generate(date: date) {
        case .stored(let summary, let failure):
            let edition = [summary.publication, summary.editionNumber.map { "Nº \($0)" }].compactMap { $0 }
            print("\(summary.date) \(edition.joined(separator: " ")) (\(summary.provider))")
            for bullet in summary.bullets {
                let tags = bullet.tags.isEmpty ? "" : " [\(bullet.tags.joined(separator: ", "))]"
                print("- \(bullet.text) (p. \(bullet.page), \(bullet.provider))\(tags)")
            }
            if let failure { printError("summarize: the model failed (\(failure)); the offline summary was stored") }
        case .failed(let reason, let message):
            printError("summarize: \(date): \(reason.rawValue): \(message)")
            throw ExitCode.failure
        }
    }
}
