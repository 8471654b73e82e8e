import GacetaConfig
import GacetaScoreboard
import GacetaSystem

/// The master's decisions, as a pure state machine: events in, actions out, no system calls.
///
/// - Workers belong to a *generation*. A reload starts a new generation; only when all of its
///   workers are ready are the old ones asked to finish their request and exit (QUIT).
/// - A worker that exits before it reported ready *failed to boot*: at start (or when replacing a
///   crashed worker) the pool stops with exit code 1 instead of respawning in a loop; during a
///   reload the reload is abandoned and the running workers keep serving.
/// - A worker asked to leave is escalated: QUIT, `gracefulTimeout`, TERM, `killTimeout`, KILL.
/// - The number of workers follows ``PoolSizing`` (PHP-FPM's `pm`): fixed (`static`), kept between the spare
///   bounds from the scoreboard's idle count once a second (`dynamic`), or started when a connection waits with
///   no idle worker and stopped after `processIdleTimeout` idle (`ondemand`).
public struct PoolPolicy: Sendable {
    public struct Timing: Sendable, Equatable {
        public var bootTimeout: Duration
        public var gracefulTimeout: Duration
        public var killTimeout: Duration

        public init(bootTimeout: Duration, gracefulTimeout: Duration, killTimeout: Duration = .seconds(2)) {
            self.bootTimeout = bootTimeout
            self.gracefulTimeout = gracefulTimeout
            self.killTimeout = killTimeout
        }
    }

    public enum Phase: Sendable, Equatable {
        case idle, starting, running, reloading, stopping, stopped
    }

    struct Worker: Sendable, Equatable {
        let pid: Int32
        let generation: Int
        let spawnedAt: Duration
        var ready = false
        /// The last signal sent to make it leave, and when.
        var retiring: (signal: WorkerSignal, at: Duration)?
        var bootTimedOut = false

        static func == (lhs: Worker, rhs: Worker) -> Bool { lhs.pid == rhs.pid }
    }

    public private(set) var phase: Phase = .idle
    public private(set) var desiredWorkers: Int
    /// The generation that serves (or will, once started).
    public private(set) var generation = 1
    /// The generation being started by a reload.
    public private(set) var pendingGeneration: Int?
    private(set) var workers: [Int32: Worker] = [:]
    private var spawning: [Int: Int] = [:]
    /// Totals that outlive workers, for the status page and metrics.
    public private(set) var statistics = PoolStatistics()
    private var terminated: Set<Int32> = []
    private var exitCode: Int32 = 0
    private let timing: Timing
    public private(set) var sizing: PoolSizing
    /// Workers started at the next `dynamic` step: 1, 2, 4 … up to `maxSpawnRate`, as PHP-FPM does.
    private var spawnBatch = 1
    private var lastScaling: Duration?
    /// Inside a stretch where the pool wanted more than `maxChildren` (counted once per stretch).
    private var atMaxChildren = false
    public static let maximumWorkers = 256

    public init(sizing: PoolSizing, timing: Timing) {
        self.sizing = sizing
        desiredWorkers = sizing.initialWorkers
        self.timing = timing
    }

    /// A `static` pool of `workers`.
    public init(workers: Int, timing: Timing) {
        self.init(sizing: PoolSizing(maxChildren: workers), timing: timing)
    }

    /// Pids of the workers alive, sorted.
    public var pids: [Int32] { workers.keys.sorted() }

    public func pids(generation: Int) -> [Int32] {
        workers.values.filter { $0.generation == generation }.map(\.pid).sorted()
    }

    public mutating func handle(_ event: PoolEvent, now: Duration) -> [PoolAction] {
        var actions: [PoolAction] = []
        switch event {
        case .start:
            phase = .starting
            actions += reconcile()
            actions += advanceAfterReady(now: now)
        case .spawned(let pid, let generation):
            spawning[generation, default: 1] -= 1
            workers[pid] = Worker(pid: pid, generation: generation, spawnedAt: now)
            actions.append(.log(.debug, "started worker \(pid) (generation \(generation))"))
        case .spawnFailed(let generation, let message):
            spawning[generation, default: 1] -= 1
            actions += bootFailed(generation: generation, reason: message, now: now)
        case .ready(let pid):
            guard var worker = workers[pid] else { break }
            worker.ready = true
            workers[pid] = worker
            actions += advanceAfterReady(now: now)
        case .exited(let pid, let status):
            actions += exited(pid: pid, status: status, now: now)
        case .signal(let signal):
            actions += handle(signal, now: now)
        case .configurationReloaded(let newSizing):
            guard phase == .running || phase == .starting else { break }
            let running = serving(generation).count
            sizing = newSizing
            desiredWorkers =
                switch newSizing.mode {
                case .static, .dynamic: newSizing.initialWorkers
                case .ondemand: min(running, newSizing.maxChildren)
                }
            let next = generation + 1
            pendingGeneration = next
            phase = .reloading
            actions.append(
                .log(
                    .notice,
                    "reloading: starting \(desiredWorkers) new workers (generation \(next), pm = \(sizing.mode))"))
            actions += reconcile()
            actions += advanceAfterReady(now: now)
        case .configurationRejected(let message):
            actions.append(.log(.error, "reload refused, the running workers keep serving: \(message)"))
            actions.append(.notify("READY=1\nSTATUS=Reload refused (configuration error); serving as before"))
        case .requestSlow(let pid, let request):
            statistics.slowRequests += 1
            actions.append(.log(.warning, "slow request: worker \(pid) has been running \(request)"))
        case .requestTimedOut(let pid, let request):
            guard let worker = workers[pid], worker.retiring == nil else { break }
            statistics.terminatedRequests += 1
            terminated.insert(pid)
            actions.append(
                .log(
                    .error,
                    "worker \(pid) passed request_terminate_timeout on \(request); ending it and starting another"))
            actions += retire(pid, with: .term, now: now)
            actions += reconcile()
        case .occupancy(let occupancy):
            guard phase == .running else { break }
            actions += scale(occupancy, now: now)
        case .tick:
            actions += escalate(now: now)
        }
        return actions
    }

    // MARK: - Transitions

    private mutating func handle(_ signal: PoolSignal, now: Duration) -> [PoolAction] {
        switch signal {
        case .fastStop:
            guard phase != .stopped else { return [] }
            return beginStop(graceful: false, code: exitCode, reason: "fast stop requested", now: now)
        case .gracefulStop:
            guard phase != .stopping, phase != .stopped else { return [] }
            return beginStop(graceful: true, code: 0, reason: "graceful stop requested", now: now)
        case .reload:
            switch phase {
            case .running, .starting:
                return [
                    .log(.notice, "reload requested: re-reading the configuration"), .notify("RELOADING=1"),
                    .reloadConfiguration,
                ]
            case .reloading: return [.log(.warning, "reload already in progress; ignoring HUP")]
            default: return []
            }
        case .grow:
            guard phase == .running, sizing.maxChildren < Self.maximumWorkers else { return [] }
            sizing.maxChildren += 1
            guard sizing.mode == .static else {
                return [.log(.notice, "TTIN: pm.max_children is now \(sizing.maxChildren)"), .notify(status)]
            }
            desiredWorkers = sizing.maxChildren
            return [.log(.notice, "TTIN: growing the pool to \(desiredWorkers) workers"), .notify(status)] + reconcile()
        case .shrink:
            guard phase == .running, sizing.maxChildren > 1 else { return [] }
            sizing.maxChildren -= 1
            let message =
                sizing.mode == .static
                ? "TTOU: shrinking the pool to \(sizing.maxChildren) workers"
                : "TTOU: pm.max_children is now \(sizing.maxChildren)"
            var actions: [PoolAction] = [.log(.notice, message)]
            if desiredWorkers > sizing.maxChildren {
                desiredWorkers = sizing.maxChildren
                if let victim = serving(generation).max(by: { $0.pid < $1.pid }) {
                    actions += retire(victim.pid, with: .quit, now: now)
                }
            }
            return actions + [.notify(status)]
        case .reopenLogs:
            return [.reopenLogs] + pids.map { .signal(pid: $0, .reopenLogs) }
        }
    }

    private mutating func advanceAfterReady(now: Duration) -> [PoolAction] {
        switch phase {
        case .starting where readyCount(generation) >= desiredWorkers:
            phase = .running
            let list = pids(generation: generation).map(String.init).joined(separator: ", ")
            let what =
                desiredWorkers == 0 ? "no workers until a request arrives" : "\(desiredWorkers) workers (pids \(list))"
            return [
                .log(.notice, "pool ready (pm = \(sizing.mode)): \(what)"), .notify("READY=1\n" + status),
            ]
        case .reloading:
            guard let next = pendingGeneration, readyCount(next) >= desiredWorkers else { return [] }
            let old = workers.values.filter { $0.generation != next && $0.retiring == nil }.map(\.pid).sorted()
            generation = next
            pendingGeneration = nil
            phase = .running
            var actions: [PoolAction] = [
                .log(
                    .notice,
                    "reload complete: \(desiredWorkers) new workers serving; \(old.count) old workers finish their requests and exit"
                )
            ]
            for pid in old { actions += retire(pid, with: .quit, now: now) }
            return actions + [.notify("READY=1\n" + status)]
        default:
            return []
        }
    }

    private mutating func exited(pid: Int32, status: ExitStatus, now: Duration) -> [PoolAction] {
        guard let worker = workers.removeValue(forKey: pid) else {
            return [.log(.debug, "reaped process \(pid), which is not a worker (\(status))")]
        }
        if phase == .stopping {
            var actions: [PoolAction] = [.log(.info, "worker \(pid) \(status)")]
            if workers.isEmpty {
                phase = .stopped
                actions.append(.log(.notice, "all workers stopped"))
                actions.append(.exit(code: exitCode))
            }
            return actions
        }
        if terminated.remove(pid) != nil {
            statistics.restarts["request_terminate_timeout", default: 0] += 1
            return [.log(.info, "worker \(pid) \(status) after its request timed out")] + reconcile()
        }
        if worker.retiring != nil && !worker.bootTimedOut {
            return [.log(.info, "worker \(pid) \(status) after it was asked to stop")] + reconcile()
        }
        if !worker.ready {
            let reason =
                worker.bootTimedOut ? "did not report ready within \(timing.bootTimeout)" : "\(status) while booting"
            return bootFailed(generation: worker.generation, reason: "worker \(pid) \(reason)", now: now)
        }
        if status == .exited(code: WorkerExitCode.memoryLimit) {
            statistics.restarts["memory_limit", default: 0] += 1
            return [.log(.info, "worker \(pid) passed pool.max_worker_memory; starting a replacement")] + reconcile()
        }
        if status == .exited(code: WorkerExitCode.recycled) {
            statistics.restarts["max_requests", default: 0] += 1
            return [.log(.info, "worker \(pid) was recycled after its max_requests; starting a replacement")]
                + reconcile()
        }
        statistics.restarts["crash", default: 0] += 1
        return [.log(.warning, "worker \(pid) \(status); starting a replacement")] + reconcile()
    }

    private mutating func bootFailed(generation failed: Int, reason: String, now: Duration) -> [PoolAction] {
        if failed == pendingGeneration {
            pendingGeneration = nil
            phase = .running
            var actions: [PoolAction] = [
                .log(.error, "reload failed: \(reason); the running workers keep serving")
            ]
            for worker in workers.values where worker.generation == failed && worker.retiring == nil {
                actions += retire(worker.pid, with: .term, now: now)
            }
            spawning[failed] = nil
            return actions + reconcile() + [.notify("READY=1\nSTATUS=Reload failed; serving as before")]
        }
        return [.log(.error, "\(reason); stopping the pool instead of respawning it (see the worker's error above)")]
            + beginStop(graceful: false, code: 1, reason: "a worker failed to boot", now: now)
    }

    private mutating func beginStop(graceful: Bool, code: Int32, reason: String, now: Duration) -> [PoolAction] {
        exitCode = max(exitCode, code)
        phase = .stopping
        pendingGeneration = nil
        let what =
            graceful ? "letting \(workers.count) workers finish their requests" : "stopping \(workers.count) workers"
        var actions: [PoolAction] = [.log(.notice, "\(reason): \(what)"), .notify("STOPPING=1")]
        let signal: WorkerSignal = graceful ? .quit : .term
        for pid in pids {
            switch workers[pid]?.retiring?.signal {
            case nil: actions += retire(pid, with: signal, now: now)
            case .quit? where !graceful: actions += retire(pid, with: .term, now: now)
            default: continue  // already leaving at least as fast as asked
            }
        }
        if workers.isEmpty {
            phase = .stopped
            actions.append(.exit(code: exitCode))
        }
        return actions
    }

    private mutating func retire(_ pid: Int32, with signal: WorkerSignal, now: Duration) -> [PoolAction] {
        guard var worker = workers[pid] else { return [] }
        worker.retiring = (signal, now)
        workers[pid] = worker
        return [.signal(pid: pid, signal)]
    }

    /// Boot timeouts and the QUIT → TERM → KILL escalation.
    private mutating func escalate(now: Duration) -> [PoolAction] {
        var actions: [PoolAction] = []
        for pid in pids {
            guard var worker = workers[pid] else { continue }
            if let (signal, since) = worker.retiring {
                let waited = now - since
                if signal == .quit && waited >= timing.gracefulTimeout {
                    actions.append(
                        .log(.warning, "worker \(pid) still busy \(timing.gracefulTimeout) after QUIT; sending TERM"))
                    actions += retire(pid, with: .term, now: now)
                } else if signal == .term && waited >= timing.killTimeout {
                    actions.append(
                        .log(.warning, "worker \(pid) still alive \(timing.killTimeout) after TERM; sending KILL"))
                    actions += retire(pid, with: .kill, now: now)
                }
            } else if !worker.ready && now - worker.spawnedAt >= timing.bootTimeout {
                worker.bootTimedOut = true
                workers[pid] = worker
                actions.append(
                    .log(.error, "worker \(pid) did not report ready within \(timing.bootTimeout); killing it"))
                actions += retire(pid, with: .kill, now: now)
            }
        }
        return actions
    }

    // MARK: - dynamic and ondemand

    private mutating func scale(_ occupancy: PoolOccupancy, now: Duration) -> [PoolAction] {
        let current = serving(generation)
        let booting = bootingCount
        let idle = current.filter { $0.ready }.compactMap { worker in
            occupancy.idle[worker.pid].map { (worker.pid, $0) }
        }
        let total = current.count + spawning[generation, default: 0]
        switch sizing.mode {
        case .static:
            if occupancy.waiting && idle.isEmpty { return maxChildrenReached(total: total) }
            atMaxChildren = false
            return []
        case .dynamic:
            if let last = lastScaling, now - last < .seconds(1) { return [] }
            lastScaling = now
            if idle.count > sizing.maxSpareServers, let longest = idle.max(by: { $0.1 < $1.1 }) {
                spawnBatch = 1
                desiredWorkers = total - 1
                return [
                    .log(
                        .info,
                        "\(idle.count) idle workers, more than pm.max_spare_servers (\(sizing.maxSpareServers)): "
                            + "stopping worker \(longest.0)")
                ] + retire(longest.0, with: .quit, now: now)
            }
            let missing = sizing.minSpareServers - idle.count - booting
            guard missing > 0 else {
                spawnBatch = 1
                atMaxChildren = false
                return []
            }
            guard total < sizing.maxChildren else { return maxChildrenReached(total: total) }
            let count = min(spawnBatch, missing, sizing.maxChildren - total)
            spawnBatch = min(spawnBatch * 2, sizing.maxSpawnRate)
            desiredWorkers = total + count
            return [
                .log(
                    .info,
                    "\(idle.count) idle workers, fewer than pm.min_spare_servers (\(sizing.minSpareServers)): "
                        + "starting \(count)")
            ] + reconcile()
        case .ondemand:
            var actions: [PoolAction] = []
            let expired = idle.filter { $0.1 >= sizing.processIdleTimeout }.map(\.0).sorted()
            for pid in expired {
                actions.append(.log(.info, "worker \(pid) idle for pm.process_idle_timeout; stopping it"))
                actions += retire(pid, with: .quit, now: now)
            }
            desiredWorkers = total - expired.count
            guard occupancy.waiting, idle.count == expired.count, booting == 0 else { return actions }
            guard total - expired.count < sizing.maxChildren else {
                return actions + maxChildrenReached(total: total)
            }
            atMaxChildren = false
            desiredWorkers += 1
            return actions + reconcile()
        }
    }

    /// The pool wanted another worker and has `maxChildren`: counted once per stretch, like PHP-FPM's warning.
    private mutating func maxChildrenReached(total: Int) -> [PoolAction] {
        guard !atMaxChildren else { return [] }
        atMaxChildren = true
        statistics.maxChildrenReached += 1
        return [
            .log(
                .warning,
                "server reached pm.max_children (\(sizing.maxChildren)) with \(total) busy workers; consider raising it"
            )
        ]
    }

    /// Spawns what the target generation lacks.
    private mutating func reconcile() -> [PoolAction] {
        guard phase == .starting || phase == .running || phase == .reloading else { return [] }
        let target = pendingGeneration ?? generation
        let missing = desiredWorkers - serving(target).count - spawning[target, default: 0]
        guard missing > 0 else { return [] }
        spawning[target, default: 0] += missing
        return Array(repeating: .spawn(generation: target), count: missing)
    }

    /// `ondemand`: a waiting connection would start a worker now (none is starting, fewer than `maxChildren`).
    public var canStartOnDemand: Bool {
        bootingCount == 0 && serving(generation).count < sizing.maxChildren
    }

    /// Workers of the serving generation asked for or started but not ready yet.
    private var bootingCount: Int {
        serving(generation).filter { !$0.ready }.count + spawning[generation, default: 0]
    }

    /// Workers of the serving generation that have reported ready, for the status page.
    public var readyPids: [Int32] { workers.values.filter { $0.ready && $0.retiring == nil }.map(\.pid).sorted() }

    /// The `STATUS=` line systemctl shows.
    private var status: String {
        "STATUS=Serving with \(desiredWorkers) workers (pm = \(sizing.mode), generation \(generation))"
    }

    private func serving(_ generation: Int) -> [Worker] {
        workers.values.filter { $0.generation == generation && $0.retiring == nil }
    }

    private func readyCount(_ generation: Int) -> Int {
        serving(generation).filter(\.ready).count
    }
}
