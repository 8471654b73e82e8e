/// Daily summaries: what they are made from, and the stored summary (or why there is none) of each date.
public protocol SummaryStore: AnyObject {
    /// The date's notices (its regular edition's, then its Alcances', each in edition order, `sumario` left out)
    /// and the regular edition's masthead; nil when no edition of that date is stored.
    func summarySource(date: String) throws(StoreError) -> SummarySource?
    /// Stores the date's summary, replacing an earlier one or a recorded failure.
    func saveSummary(_ summary: EditionSummary) throws(StoreError)
    /// Records that the date's summary could not be generated, or that the model failed and the offline summary
    /// stands in: the reason and a message for people; a summary stored earlier stays. Adds one to the reason's
    /// total (`SummaryFailure.counterName`).
    func recordSummaryFailure(date: String, reason: SummaryFailure, message: String, at: String) throws(StoreError)
    /// The date's summary (bullets naming the notices that hold their keys now), its last failure, or nil
    /// when neither was ever recorded.
    func summary(date: String) throws(StoreError) -> StoredSummary?
}

/// What the store holds for a date.
public struct StoredSummary: Sendable, Equatable {
    public var summary: EditionSummary?
    /// The last failure to generate it, when the last attempt failed: its reason and message.
    public var failure: (reason: String, message: String, at: String)?

    public init(summary: EditionSummary?, failure: (reason: String, message: String, at: String)?) {
        self.summary = summary
        self.failure = failure
    }

    public static func == (lhs: StoredSummary, rhs: StoredSummary) -> Bool {
        lhs.summary == rhs.summary && lhs.failure?.reason == rhs.failure?.reason
            && lhs.failure?.message == rhs.failure?.message && lhs.failure?.at == rhs.failure?.at
    }
}

/// Why a summary could not be generated (the `reason` label of `gacetachat_summary_failures_total`).
public enum SummaryFailure: String, Sendable, CaseIterable {
    /// No edition of the date is stored.
    case noEdition = "no_edition"
    /// The date's editions hold no notice to summarise (only a sumario, or nothing readable).
    case noNotices = "no_notices"
    /// The model failed as a whole: the offline summary was stored instead.
    case modelFailed = "model_failed"
    /// The store failed while reading or writing.
    case storeError = "store_error"

    /// Its total's name among the fetch log's counters (`FetchLog.fetchCounters`), which the metrics file reads.
    public var counterName: String { "summary_failures.\(rawValue)" }
}

/// Editions by date range, for the calendar.
public protocol EditionCalendar: AnyObject {
    /// Editions published from `from` to `to` (inclusive, `YYYY-MM-DD`), oldest first.
    func editions(from: String, to: String) throws(StoreError) -> [Edition]
}
