/// Counts the policy keeps across worker restarts.
public struct PoolStatistics: Sendable, Equatable {
    public var slowRequests = 0
    public var terminatedRequests = 0
    /// Workers replaced, by cause: `crash`, `max_requests`, `request_terminate_timeout`.
    public var restarts: [String: Int] = [:]

    public init() {}
}
