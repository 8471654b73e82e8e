import GacetaCore
import GacetaSystem
import Logging

/// Generates a date's summary and stores it, or records why it could not (a logged error and one more in
/// `gacetachat_summary_failures_total`): after each fetch that stored an edition, `gacetachat summarize` and
/// the admin route all go through here.
public struct SummaryService {
    private let store: any SummaryStore
    private let summarizer: Summarizer
    private let logger: Logger
    /// Called after a failure was recorded (to rewrite the metrics file the master serves).
    private let failureRecorded: () -> Void

    public init(
        store: any SummaryStore, summarizer: Summarizer, logger: Logger, failureRecorded: @escaping () -> Void = {}
    ) {
        self.store = store
        self.summarizer = summarizer
        self.logger = logger
        self.failureRecorded = failureRecorded
    }

    /// How one generation ended.
    public enum Outcome {
        /// Stored; `modelFailure` says why the offline summary stands in for the model's, when it does.
        case stored(EditionSummary, modelFailure: ProviderFailure?)
        case failed(SummaryFailure, String)
    }

    /// The summary stored for `date` (`YYYY-MM-DD`), or nil when none was ever stored (the feeds use it).
    public func stored(date: String) throws(StoreError) -> EditionSummary? {
        try store.summary(date: date)?.summary
    }

    /// Generates, stores and returns the summary of `date` (`YYYY-MM-DD`).
    @discardableResult public func generate(date: String) -> Outcome {
        let source: SummarySource?
        do {
            source = try store.summarySource(date: date)
        } catch {
            return fail(date, .storeError, "cannot read the notices of \(date): \(error)")
        }
        guard let source else { return fail(date, .noEdition, "no edition of \(date) is stored") }
        guard let result = summarizer.summarize(source, generatedAt: Timestamp.now()) else {
            return fail(date, .noNotices, "no notice of \(date) holds a sentence to summarise")
        }
        for (key, reason) in result.replaced {
            logger.notice("summary \(date): the model's bullet for notice \(key) was replaced: \(reason)")
        }
        do {
            try store.saveSummary(result.summary)
        } catch {
            return fail(date, .storeError, "cannot store the summary of \(date): \(error)")
        }
        if let failure = result.modelFailure {
            let message = "the model failed (\(failure)); the offline summary of \(date) was stored"
            logger.error("summary \(date): \(message)")
            record(date, .modelFailed, message)
        }
        logger.info(
            "summary \(date): \(result.summary.bullets.count) bullets by \(result.summary.provider)")
        return .stored(result.summary, modelFailure: result.modelFailure)
    }

    private func fail(_ date: String, _ reason: SummaryFailure, _ message: String) -> Outcome {
        logger.error("summary \(date) failed (\(reason.rawValue)): \(message)")
        record(date, reason, message)
        return .failed(reason, message)
    }

    private func record(_ date: String, _ reason: SummaryFailure, _ message: String) {
        do {
            try store.recordSummaryFailure(date: date, reason: reason, message: message, at: Timestamp.now())
        } catch {
            logger.error("summary \(date): cannot record the failure: \(error)")
        }
        failureRecorded()
    }
}
