import GacetaScoreboard

/// What the status page and the metrics show: the scoreboard read at one moment plus the master's totals.
public struct PoolSnapshot: Sendable {
    public struct WorkerRow: Sendable {
        public var pid: Int32
        public var state: ScoreboardSlot.State
        public var requests: UInt64
        /// Milliseconds the current request has run (busy) or the last one took (idle).
        public var requestDuration: Double
        public var method: String
        public var uri: String
        /// Resident bytes after its last request (0 before the first).
        public var memory: UInt64
    }

    public var pool = "gacetachat"
    public var processManager = "static"
    public var startTime: String
    public var startSince: Int64
    /// Requests accepted since start, by every worker including those that have exited.
    public var acceptedRequests: UInt64
    public var maxActive: Int
    public var maxChildrenReached = 0
    public var statistics: PoolStatistics
    public var workers: [WorkerRow]
    /// Requests by route and status with latency buckets, summed over every worker including exited ones.
    public var requestCounters: [RequestCounters.Key: RequestCounters.Counts] = [:]

    public var active: Int { workers.filter { $0.state == .busy }.count }
    public var idle: Int { workers.filter { $0.state == .idle }.count }
}
