import GacetaCore
import GacetaSystem
import Glibc
import Logging

/// Fetches dates from the publisher: for each, the edition and its Alcances, checked, stored atomically and
/// ingested, and a state recorded per file and per date (see ``FetchState``).
public final class Fetcher {
    public struct Options: Sendable {
        public var force = false
        /// Today in the publisher's time zone: a 404 up to 2 days before it is `not_yet`.
        public var today: CalendarDate
        /// Where files are kept: `DIRECTORY/YYYY/MM/DD/NAME`.
        public var directory: String

        public init(force: Bool = false, today: CalendarDate, directory: String) {
            self.force = force
            self.today = today
            self.directory = directory
        }
    }

    /// What a run did, for the exit status and the metrics.
    public struct Summary: Sendable, Equatable {
        public var dates: [FetchDateRecord] = []
        public var downloads = 0
        /// reason → files that failed for it in this run.
        public var failures: [FetchFailure: Int] = [:]
        public var gaps = 0
        /// Dates for which this run stored an edition or an Alcance (their summaries are due), in order.
        public var storedDates: [String] = []

        public var failed: Bool { dates.contains { $0.state == .failed } }
    }

    /// Consecutive 404s that end the search for Alcances by number.
    public static let alcanceMisses = 3
    /// A 404 this many days old or newer is `not_yet`.
    public static let notYetDays = 2

    private let log: any FetchLog
    private let client: PublisherClient
    private let layout: PublisherLayout
    private let ingester: EditionIngester
    private let options: Options
    private let logger: Logger
    private let digest: (String) throws -> String

    public init(
        log: any FetchLog, client: PublisherClient, layout: PublisherLayout, ingester: EditionIngester,
        options: Options, logger: Logger, digest: @escaping (String) throws -> String
    ) {
        self.log = log
        self.client = client
        self.layout = layout
        self.ingester = ingester
        self.options = options
        self.logger = logger
        self.digest = digest
    }

    /// Fetches every date from `first` to `last`, in order; `report` sees each date's record as it is stored (the
    /// states table is the progress: a stopped run resumes where it was).
    public func run(
        from first: CalendarDate, to last: CalendarDate, report: (FetchDateRecord) -> Void = { _ in }
    ) throws(StoreError) -> Summary {
        var summary = Summary()
        var date = first
        while date <= last, !Interruption.requested {
            // An interrupted date is not recorded: the next run does it again.
            guard let record = try fetch(date, summary: &summary) else { break }
            summary.dates.append(record)
            report(record)
            date = date.adding(days: 1)
        }
        return summary
    }

    private func fetch(_ date: CalendarDate, summary: inout Summary) throws(StoreError) -> FetchDateRecord? {
        let previous = try log.fetchDate(date.description)
        let recent = options.today.daysSinceEpoch - date.daysSinceEpoch <= Self.notYetDays
        // A settled old date is not asked again (unless --force): a second run sends no request for it.
        if let previous, !options.force, !recent, previous.state == .stored || previous.state == .noEdition {
            return previous
        }
        // Files already downloaded whole (stored, or a placeholder) are not downloaded again unless --force.
        let kept = Dictionary(
            (previous?.files ?? []).filter { ($0.state == .stored || $0.sha256 != nil) && !options.force }
                .map { ($0.name, $0) },
            uniquingKeysWith: { first, _ in first })

        var names = [PublisherLayout.editionName(date)]
        var probe = false
        switch client.get(layout.folderURL(date)) {
        case .ok(let body):
            let listed = PublisherLayout.listedFiles(in: String(decoding: body, as: UTF8.self), date: date)
            names += listed.filter { $0 != names[0] }
        default:
            probe = true
        }

        var files: [FetchFileRecord] = []
        for name in names {
            if let stored = kept[name] {
                files.append(stored)
            } else {
                files.append(try fetchFile(name, date: date, summary: &summary))
            }
        }
        if probe {
            files += try probeAlcances(date, kept: kept, summary: &summary)
        }
        // Alcances kept from before but no longer listed stay recorded.
        for (name, file) in kept where !files.contains(where: { $0.name == name }) { files.append(file) }

        if Interruption.requested { return nil }
        let record = FetchDateRecord(
            date: date.description, state: FetchDateRecord.state(of: files), updatedAt: Timestamp.now(), files: files)
        try log.recordFetchDate(record)
        for file in files where file.state == .failed {
            let detail = file.detail.map { " (\($0))" } ?? ""
            logger.error(
                "fetch failed: \(layout.fileURL(file.name, date: date)): \(file.reason?.rawValue ?? "failed")\(detail)")
        }
        let states = files.map { "\($0.name) \($0.state.rawValue)" }.joined(separator: ", ")
        logger.info("\(date): \(record.state.rawValue) (\(states))")
        return record
    }

    /// Alcances by number, from the last one stored this year + 1, until 3 consecutive 404s.
    private func probeAlcances(
        _ date: CalendarDate, kept: [String: FetchFileRecord], summary: inout Summary
    ) throws(StoreError) -> [FetchFileRecord] {
        var number = (try log.lastAlcanceNumber(year: date.year) ?? 0) + 1
        if let highestKept = kept.values.compactMap(\.alcanceNumber).max() { number = max(number, highestKept + 1) }
        var misses = 0
        var files: [FetchFileRecord] = []
        while misses < Self.alcanceMisses, !Interruption.requested {
            let name = PublisherLayout.alcanceName(number, date: date)
            let file = try fetchFile(name, date: date, summary: &summary, missing: true)
            if let file {
                files.append(file)
                misses = 0
            } else {
                misses += 1
            }
            number += 1
        }
        return files
    }

    private func fetchFile(
        _ name: String, date: CalendarDate, summary: inout Summary
    ) throws(StoreError) -> FetchFileRecord {
        guard let file = try fetchFile(name, date: date, summary: &summary, missing: false) else {
            return FetchFileRecord(name: name, state: notFoundState(date), detail: "404")
        }
        return file
    }

    /// Downloads, checks, stores and ingests one file; nil for a 404 when `missing` (a probe).
    private func fetchFile(
        _ name: String, date: CalendarDate, summary: inout Summary, missing: Bool
    ) throws(StoreError) -> FetchFileRecord? {
        let folder = "\(options.directory)/\(date.folder)"
        let path = "\(folder)/\(name)"
        do {
            try Self.makeDirectories(folder)
        } catch {
            return failed(name, .ingestError, "cannot create \(folder): \(error)", summary: &summary)
        }
        let incoming = "\(folder)/.\(name).incoming"
        summary.downloads += 1
        if Interruption.requested { return failed(name, .timeout, "interrupted", summary: &summary) }
        switch client.download(layout.fileURL(name, date: date), to: incoming) {
        case .ok:
            break
        case .notFound:
            return missing ? nil : FetchFileRecord(name: name, state: notFoundState(date), detail: "404")
        case .status(let code) where code >= 500:
            return failed(name, .http5xx, "HTTP \(code)", summary: &summary)
        case .status(let code):
            // 401, 403…: the file is not there for us; like a 404 but said.
            return missing ? nil : FetchFileRecord(name: name, state: notFoundState(date), detail: "HTTP \(code)")
        case .unreachable(let message, _):
            // No whole response: a timeout, or no connection at all.
            return failed(name, .timeout, message, summary: &summary)
        case .tooLarge:
            return failed(
                name, .tooLarge, "larger than fetch.max_size (\(client.policy.maxSize) bytes)", summary: &summary)
        case .notPDF:
            return failed(name, .notPDF, "the body does not start with %PDF-", summary: &summary)
        }
        guard let pages = PDFCheck.pages(of: incoming) else {
            unlink(incoming)
            return failed(name, .truncated, "pdfinfo cannot read the whole file", summary: &summary)
        }
        let sha: String
        do {
            sha = try digest(incoming)
            try System.call("rename", "\(incoming) to \(path)") { rename(incoming, path) }
            try AtomicFile.syncDirectory(folder)
        } catch {
            unlink(incoming)
            return failed(name, .ingestError, "cannot store \(path): \(error)", summary: &summary)
        }
        switch ingester.ingest(path: path, date: date, pages: pages) {
        case .placeholder:
            logger.info("no edition: \(name) (placeholder)")
            return FetchFileRecord(name: name, state: .noEdition, detail: "placeholder", pages: pages, sha256: sha)
        case .failed(let message):
            return failed(name, .ingestError, message, summary: &summary)
        case .stored(let number):
            let alcance = PublisherLayout.alcanceNumber(name, date: date)
            if alcance == nil, let number, let value = Int(number) {
                try checkGap(value, date: date, summary: &summary)
            }
            if summary.storedDates.last != date.description { summary.storedDates.append(date.description) }
            return FetchFileRecord(
                name: name, state: .stored, number: alcance.map(String.init) ?? number, pages: pages, sha256: sha)
        }
    }

    /// "Nº 121 after Nº 119": a regular edition whose number skips one.
    private func checkGap(_ number: Int, date: CalendarDate, summary: inout Summary) throws(StoreError) {
        guard let previous = try log.previousEditionNumber(before: date.description), number > previous.number + 1
        else { return }
        summary.gaps += 1
        logger.warning(
            "gap in edition numbers: Nº \(number) (\(date)) after Nº \(previous.number) (\(previous.date))")
    }

    private func notFoundState(_ date: CalendarDate) -> FetchState {
        if date.isWeekend { return .noEdition }
        return options.today.daysSinceEpoch - date.daysSinceEpoch <= Self.notYetDays ? .notYet : .noEdition
    }

    private func failed(
        _ name: String, _ reason: FetchFailure, _ detail: String, summary: inout Summary
    ) -> FetchFileRecord {
        if !Interruption.requested { summary.failures[reason, default: 0] += 1 }
        return FetchFileRecord(name: name, state: .failed, reason: reason, detail: detail)
    }

    /// `mkdir -p`, readable by nginx.
    static func makeDirectories(_ path: String) throws(SystemError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectories(String(path[..<slash]))
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw SystemError.last("mkdir", path)
    }
}
