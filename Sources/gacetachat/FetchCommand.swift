import ArgumentParser
import GacetaConfig
import GacetaCore
import GacetaCrypto
import GacetaFetch
import GacetaStore
import GacetaSystem
import Glibc
import Logging

/// `gacetachat fetch`: the day's edition and Alcances from the publisher, a state for every date.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download editions and Alcances from the publisher (fetch.base_url) and ingest them.",
        discussion: """
            Per date: pub/YYYY/MM/DD/COMP_DD_MM_YYYY.pdf and the day's ALCA{n}_DD_MM_YYYY.pdf (from the \
            folder's listing, else by trying numbers). Each file ends stored, not_yet (a recent 404, tried again \
            later), no_edition (weekend, older 404, holiday placeholder) or failed (http_5xx, timeout, not_pdf, \
            too_large, truncated, ingest_error); a date is the worst of its files. Exit status 1 when any date \
            failed. Without a date: today in fetch.timezone. --status prints the states instead.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(help: "One date, YYYY-MM-DD.") var date: String?
    @Option(help: "First date of a range, YYYY-MM-DD.") var from: String?
    @Option(help: "Last date of a range (default: today).") var to: String?
    @Flag(help: "Download stored files again.") var force = false
    @Option(help: .hidden) var today: String?
    @Flag(help: "Print the state of every date in the range (default: the last 14 days) and exit.") var status = false

    func validate() throws {
        for (name, value) in [("--date", date), ("--from", from), ("--to", to), ("--today", today)] {
            if let value, CalendarDate(value) == nil {
                throw ValidationError("\(name) '\(value)' is not a date; write YYYY-MM-DD, e.g. 2024-07-15")
            }
        }
        if date != nil, from != nil || to != nil {
            throw ValidationError("give --date or --from/--to, not both")
        }
        if to != nil, from == nil, !status { throw ValidationError("--to needs --from") }
        if let from = from.flatMap(CalendarDate.init), let to = to.flatMap(CalendarDate.init), from > to {
            throw ValidationError("--from \(from) is after --to \(to)")
        }
        if status, force { throw ValidationError("--force does not apply to --status") }
    }

    func run() throws {
        let settings = try options.loadOrExit()
        // --today (hidden): run as on another day, for tests and for replaying a day's runs.
        let today = today.flatMap(CalendarDate.init) ?? CalendarDate.today(in: settings.fetch.timezone)
        let first = date.flatMap(CalendarDate.init) ?? from.flatMap(CalendarDate.init)
        let last = date.flatMap(CalendarDate.init) ?? to.flatMap(CalendarDate.init) ?? today
        if let first, first > today {
            throw ValidationError("\(first) is after today (\(today) in \(settings.fetch.timezone))")
        }
        let store = try openStoreOrExit(settings, command: "fetch")
        if status {
            let records = try store.fetchDates(
                from: (first ?? last.adding(days: -13)).description, to: last.description)
            print(FetchStatusTable.render(records), terminator: "")
            return
        }
        try fetch(from: first ?? today, to: min(last, today), today: today, settings: settings, store: store)
    }

    private func fetch(
        from first: CalendarDate, to last: CalendarDate, today: CalendarDate, settings: Settings, store: any Store
    ) throws {
        var logger = Logger(label: "gacetachat.fetch")
        logger.logLevel = Logger.Level(settings.log.level)
        let fetch = settings.fetch
        let client = PublisherClient(
            policy: .init(
                interval: fetch.requestInterval, retries: fetch.retries, backoff: fetch.retryBackoff,
                timeout: fetch.timeout, connectTimeout: fetch.connectTimeout, maxSize: fetch.maxSize,
                userAgent: fetch.userAgent),
            logger: logger)
        let ingester = EditionIngester { fallbackDate in
            ServiceFactory.ingestPipeline(settings: settings, store: store, fallbackDate: fallbackDate, ocr: true)
        }
        let fetcher = Fetcher(
            log: store, client: client, layout: PublisherLayout(baseURL: fetch.baseURL), ingester: ingester,
            options: .init(force: force, today: today, directory: "\(settings.storage.filesDirectory)/pub"),
            logger: logger, digest: { path in Digest.hex(try Digest.sha256(fileAt: path)) })
        Interruption.install()
        let started = Int64(time(nil))
        let summary: Fetcher.Summary
        do {
            summary = try fetcher.run(from: first, to: last)
            let newest = summary.dates.last
            let settled = newest.map { $0.state == .stored || $0.state == .noEdition } ?? false
            var counters: [String: Int] = [:]
            for (reason, count) in summary.failures { counters[FetchMetrics.counterName(reason)] = count }
            if summary.gaps > 0 { counters[FetchMetrics.gapsCounter] = summary.gaps }
            try store.recordFetchRun(
                FetchRun(
                    startedAt: started, finishedAt: Int64(time(nil)),
                    succeeded: !summary.failed && settled && !Interruption.requested,
                    lastDate: newest?.date, lastState: newest?.state),
                counters: counters)
            // A summary for every date that got an edition (its failure is logged, stored and counted; it does
            // not change the fetch's exit status).
            let summaries = ServiceFactory.summaryService(settings: settings, store: store, logger: logger)
            for date in summary.storedDates { summaries.generate(date: date) }
            try FetchMetrics.write(to: settings.fetchMetricsFile, from: store)
            try AlertsCommand.deliver(after: summary.dates, settings: settings, store: store, logger: logger)
        } catch {
            printError("fetch: \(error)")
            throw ExitCode.failure
        }
        let states = Dictionary(grouping: summary.dates, by: \.state).mapValues(\.count)
        printError(
            "fetch: \(summary.dates.count) dates ("
                + FetchState.allCases.map { "\($0.rawValue) \(states[$0] ?? 0)" }
                .joined(separator: ", ") + "), \(client.requests) requests"
                + (Interruption.requested ? "; interrupted: run it again to resume" : ""))
        if summary.failed || Interruption.requested { throw ExitCode.failure }
    }
}
