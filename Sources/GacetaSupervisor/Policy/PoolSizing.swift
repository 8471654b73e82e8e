import GacetaConfig

/// How many workers the pool keeps: PHP-FPM's `pm` and its `pm.*` bounds.
public struct PoolSizing: Sendable, Equatable {
    public var mode: ProcessManager
    public var maxChildren: Int
    public var startServers: Int
    public var minSpareServers: Int
    public var maxSpareServers: Int
    public var processIdleTimeout: Duration
    public var maxSpawnRate: Int

    public init(
        mode: ProcessManager = .static, maxChildren: Int, startServers: Int = 2, minSpareServers: Int = 1,
        maxSpareServers: Int = 3, processIdleTimeout: Duration = .seconds(10), maxSpawnRate: Int = 32
    ) {
        self.mode = mode
        self.maxChildren = min(max(1, maxChildren), PoolPolicy.maximumWorkers)
        self.startServers = startServers
        self.minSpareServers = minSpareServers
        self.maxSpareServers = maxSpareServers
        self.processIdleTimeout = processIdleTimeout
        self.maxSpawnRate = max(1, maxSpawnRate)
    }

    public init(_ pool: PoolSettings) {
        self.init(
            mode: pool.processManager, maxChildren: pool.workers, startServers: pool.startServers,
            minSpareServers: pool.minSpareServers, maxSpareServers: pool.maxSpareServers,
            processIdleTimeout: pool.processIdleTimeout, maxSpawnRate: pool.maxSpawnRate)
    }

    /// Workers started with the pool.
    var initialWorkers: Int {
        switch mode {
        case .static: maxChildren
        case .dynamic: min(startServers, maxChildren)
        case .ondemand: 0
        }
    }
}

/// What the scoreboard says about the serving workers, fed to the policy every tick.
public struct PoolOccupancy: Sendable, Equatable {
    /// Idle workers and how long each has been idle.
    public var idle: [Int32: Duration]
    /// A connection is waiting in the listening socket's queue.
    public var waiting: Bool

    public init(idle: [Int32: Duration], waiting: Bool = false) {
        self.idle = idle
        self.waiting = waiting
    }
}
