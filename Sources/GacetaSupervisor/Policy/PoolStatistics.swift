/// Counts the policy keeps across worker restarts.
public struct PoolStatistics: Sendable, Equatable {
    public var slowRequests = 0
    public var terminatedRequests = 0
    /// Workers replaced, by cause: `crash`, `max_requests`, `memory_limit`, `request_terminate_timeout`.
    public var restarts: [String: Int] = [:]
    /// Times the pool wanted another worker but had `pm.max_children` already (PHP-FPM's "max children reached").
    public var maxChildrenReached = 0

    public init() {}
}
