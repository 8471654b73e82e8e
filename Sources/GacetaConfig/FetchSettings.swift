/// `[fetch]`: downloading each day's edition from the publisher.
public struct FetchSettings: Sendable, Equatable {
    /// `https://www.imprentanacional.go.cr`, without a trailing slash.
    public var baseURL: String
    /// An IANA zone name (`America/Costa_Rica`): dates are that place's dates.
    public var timezone: String
    public var connectTimeout: Duration
    public var timeout: Duration
    /// Tries after the first, on a 5xx or a timeout.
    public var retries: Int
    /// Wait before the first retry; doubled for each next one.
    public var retryBackoff: Duration
    /// Least time between two requests to the publisher.
    public var requestInterval: Duration
    /// Largest file accepted, in bytes.
    public var maxSize: Int
    public var userAgent: String
    /// `nil`: beside the database (see ``Settings/fetchMetricsFile``).
    public var metricsFile: String?
}

extension Settings {
    /// Where `fetch` writes its Prometheus text file and the master reads it: `fetch.metrics_file`, else
    /// `gacetachat-fetch.prom` beside a SQLite database, or in `storage.files_dir`'s parent for PostgreSQL.
    public var fetchMetricsFile: String {
        if let file = fetch.metricsFile { return file }
        let url = database.url
        var directory: String
        if url.hasPrefix("sqlite:") {
            var path = String(url.dropFirst("sqlite:".count))
            if path.hasPrefix("///") { path = String(path.dropFirst(2)) }
            if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
            directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        } else {
            let files = storage.filesDirectory
            directory = files.lastIndex(of: "/").map { String(files[..<$0]) } ?? "."
        }
        if directory.isEmpty { directory = "/" }
        return directory == "/" ? "/gacetachat-fetch.prom" : "\(directory)/gacetachat-fetch.prom"
    }
}
