/// What `gacetachat fetch` remembers: a state for every date and every file it tried, the runs, and the counters
/// behind its metrics. The states table is also the progress of a backfill.
public protocol FetchLog: AnyObject {
    /// The date's record with its files, or nil when it was never tried.
    func fetchDate(_ date: String) throws(StoreError) -> FetchDateRecord?
    /// Every date tried from `from` to `to` (inclusive, `YYYY-MM-DD`), oldest first, with their files.
    func fetchDates(from: String, to: String) throws(StoreError) -> [FetchDateRecord]
    /// Replaces the date's record and its files, in one transaction.
    func recordFetchDate(_ record: FetchDateRecord) throws(StoreError)
    /// The highest Alcance number stored in `year`, or nil when none.
    func lastAlcanceNumber(year: Int) throws(StoreError) -> Int?
    /// The stored regular edition with the highest number before `date`: its date and number.
    func previousEditionNumber(before date: String) throws(StoreError) -> (date: String, number: Int)?
    /// Records a finished run and adds `counters` (name → increment) to the totals.
    func recordFetchRun(_ run: FetchRun, counters: [String: Int]) throws(StoreError)
    /// The last run, or nil before the first.
    func lastFetchRun() throws(StoreError) -> FetchRun?
    /// The last successful run's end (Unix seconds), or nil.
    func lastSuccessfulFetch() throws(StoreError) -> Int64?
    /// Every counter's total.
    func fetchCounters() throws(StoreError) -> [String: Int]
}

/// How a file, or a date, ended.
public enum FetchState: String, Sendable, Equatable, CaseIterable, Comparable {
    case stored
    /// No edition: a weekend or old 404, or the publisher's holiday placeholder.
    case noEdition = "no_edition"
    /// A 404 for a recent date: tried again by every later run.
    case notYet = "not_yet"
    case failed

    /// Better to worse: a date is the worst of its files.
    private var rank: Int {
        switch self {
        case .stored: 0
        case .noEdition: 1
        case .notYet: 2
        case .failed: 3
        }
    }

    public static func < (lhs: FetchState, rhs: FetchState) -> Bool { lhs.rank < rhs.rank }
}

/// Why a file `failed`.
public enum FetchFailure: String, Sendable, Equatable, CaseIterable {
    case http5xx = "http_5xx"
    case timeout
    case notPDF = "not_pdf"
    case tooLarge = "too_large"
    case truncated
    case ingestError = "ingest_error"
}

/// One file of one date: `COMP_DD_MM_YYYY.pdf` or `ALCA{n}_DD_MM_YYYY.pdf`.
public struct FetchFileRecord: Sendable, Equatable {
    public var name: String
    public var state: FetchState
    public var reason: FetchFailure?
    /// More about a failure or a `no_edition` ("placeholder", "HTTP 503").
    public var detail: String?
    /// The edition's number ("129") or, for an Alcance, its Alcance number.
    public var number: String?
    public var pages: Int?
    public var sha256: String?

    public init(
        name: String, state: FetchState, reason: FetchFailure? = nil, detail: String? = nil, number: String? = nil,
        pages: Int? = nil, sha256: String? = nil
    ) {
        self.name = name
        self.state = state
        self.reason = reason
        self.detail = detail
        self.number = number
        self.pages = pages
        self.sha256 = sha256
    }

    /// "ALCA78_15_07_2024.pdf" → 78; nil for the regular edition.
    public var alcanceNumber: Int? {
        guard name.hasPrefix("ALCA"), let end = name.firstIndex(of: "_") else { return nil }
        return Int(name[name.index(name.startIndex, offsetBy: 4)..<end])
    }
}

/// One date: its state (the worst of its files') and when it was last tried.
public struct FetchDateRecord: Sendable, Equatable {
    public var date: String
    public var state: FetchState
    /// ISO 8601 UTC.
    public var updatedAt: String
    public var files: [FetchFileRecord]

    public init(date: String, state: FetchState, updatedAt: String, files: [FetchFileRecord]) {
        self.date = date
        self.state = state
        self.updatedAt = updatedAt
        self.files = files
    }

    /// The worst of `files`' states; `no_edition` when there are none.
    public static func state(of files: [FetchFileRecord]) -> FetchState {
        files.map(\.state).max() ?? .noEdition
    }
}

/// One run of `gacetachat fetch`.
public struct FetchRun: Sendable, Equatable {
    /// Unix seconds.
    public var startedAt: Int64
    public var finishedAt: Int64
    /// No date `failed`.
    public var succeeded: Bool
    /// The newest date the run tried, and its state.
    public var lastDate: String?
    public var lastState: FetchState?

    public init(startedAt: Int64, finishedAt: Int64, succeeded: Bool, lastDate: String?, lastState: FetchState?) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.succeeded = succeeded
        self.lastDate = lastDate
        self.lastState = lastState
    }
}
