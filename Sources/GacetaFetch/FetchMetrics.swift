import GacetaCore
import GacetaSystem

/// The Prometheus text file `fetch` writes after every run and the master appends to `/metrics`.
public enum FetchMetrics {
    /// Counter names in the fetch log.
    public static func counterName(_ reason: FetchFailure) -> String { "failures.\(reason.rawValue)" }
    public static let gapsCounter = "number_gaps"

    /// The exposition text: the last success and the last run (Unix seconds; 0 before the first), failures by
    /// reason, number gaps, and the daily summaries' failures by reason (their totals are fetch log counters too).
    public static func text(lastSuccess: Int64?, lastRun: Int64?, counters: [String: Int]) -> String {
        var lines: [String] = [
            "# HELP gacetachat_fetch_last_success_timestamp_seconds End of the last fetch run that failed nowhere and "
                + "settled its newest date (stored or no edition).",
            "# TYPE gacetachat_fetch_last_success_timestamp_seconds gauge",
            "gacetachat_fetch_last_success_timestamp_seconds \(lastSuccess ?? 0)",
            "# HELP gacetachat_fetch_last_run_timestamp_seconds End of the last fetch run.",
            "# TYPE gacetachat_fetch_last_run_timestamp_seconds gauge",
            "gacetachat_fetch_last_run_timestamp_seconds \(lastRun ?? 0)",
            "# HELP gacetachat_fetch_failures_total Files that failed to fetch, by reason.",
            "# TYPE gacetachat_fetch_failures_total counter",
        ]
        for reason in FetchFailure.allCases {
            lines.append(
                "gacetachat_fetch_failures_total{reason=\"\(reason.rawValue)\"} \(counters[counterName(reason)] ?? 0)")
        }
        lines += [
            "# HELP gacetachat_fetch_number_gaps_total Regular editions stored whose number skipped one or more.",
            "# TYPE gacetachat_fetch_number_gaps_total counter",
            "gacetachat_fetch_number_gaps_total \(counters[gapsCounter] ?? 0)",
            "# HELP gacetachat_summary_failures_total Daily summaries that could not be generated, or whose model "
                + "failed (the offline summary stood in), by reason.",
            "# TYPE gacetachat_summary_failures_total counter",
        ]
        for reason in SummaryFailure.allCases {
            lines.append(
                "gacetachat_summary_failures_total{reason=\"\(reason.rawValue)\"} \(counters[reason.counterName] ?? 0)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the file from the log's totals, atomically (the master may read it at any moment).
    public static func write(to path: String, from log: any FetchLog) throws {
        let text = text(
            lastSuccess: try log.lastSuccessfulFetch(), lastRun: try log.lastFetchRun()?.finishedAt,
            counters: try log.fetchCounters())
        try AtomicFile.write(Array(text.utf8), to: path, mode: 0o644)
    }
}
