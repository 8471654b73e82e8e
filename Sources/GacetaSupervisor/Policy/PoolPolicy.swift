/// The master's decisions, as a pure state machine: events in, actions out, no system calls.
///
/// - Workers belong to a *generation*. A reload starts a new generation; only when all of its
///   workers are ready are the old ones asked to finish their request and exit (QUIT).
/// - A worker that exits before it reported ready *failed to boot*: at start (or when replacing a
///   crashed worker) the pool stops with exit code 1 instead of respawning in a loop; during a
///   reload the reload is abandoned and the running workers keep serving.
/// - A worker asked to leave is escalated: QUIT, `gracefulTimeout`, TERM, `killTimeout`, KILL.
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
    public static let maximumWorkers = 256

    public init(workers: Int, timing: Timing) {
        desiredWorkers = max(1, workers)
        self.timing = timing
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
        case .configurationReloaded(let count):
            guard phase == .running || phase == .starting else { break }
            desiredWorkers = min(max(1, count), Self.maximumWorkers)
            let next = generation + 1
            pendingGeneration = next
            phase = .reloading
            actions.append(.log(.notice, "reloading: starting \(desiredWorkers) new workers (generation \(next))"))
            actions += reconcile()
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
            guard phase == .running, desiredWorkers < Self.maximumWorkers else { return [] }
            desiredWorkers += 1
            return [.log(.notice, "TTIN: growing the pool to \(desiredWorkers) workers"), .notify(status)] + reconcile()
        case .shrink:
            guard phase == .running, desiredWorkers > 1 else { return [] }
            desiredWorkers -= 1
            guard let victim = serving(generation).max(by: { $0.pid < $1.pid }) else { return [] }
            return [.log(.notice, "TTOU: shrinking the pool to \(desiredWorkers) workers"), .notify(status)]
                + retire(victim.pid, with: .quit, now: now)
        case .reopenLogs:
            return [.reopenLogs] + pids.map { .signal(pid: $0, .reopenLogs) }
        }
    }

    private mutating func advanceAfterReady(now: Duration) -> [PoolAction] {
        switch phase {
        case .starting where readyCount(generation) >= desiredWorkers:
            phase = .running
            let list = pids(generation: generation).map(String.init).joined(separator: ", ")
            return [
                .log(.notice, "pool ready: \(desiredWorkers) workers (pids \(list))"), .notify("READY=1\n" + status),
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
        if status == .exited(code: 0) {
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

    /// Spawns what the target generation lacks.
    private mutating func reconcile() -> [PoolAction] {
        guard phase == .starting || phase == .running || phase == .reloading else { return [] }
        let target = pendingGeneration ?? generation
        let missing = desiredWorkers - serving(target).count - spawning[target, default: 0]
        guard missing > 0 else { return [] }
        spawning[target, default: 0] += missing
        return Array(repeating: .spawn(generation: target), count: missing)
    }

    /// Workers of the serving generation that have reported ready, for the status page.
    public var readyPids: [Int32] { workers.values.filter { $0.ready && $0.retiring == nil }.map(\.pid).sorted() }

    /// The `STATUS=` line systemctl shows.
    private var status: String { "STATUS=Serving with \(desiredWorkers) workers (generation \(generation))" }

    private func serving(_ generation: Int) -> [Worker] {
        workers.values.filter { $0.generation == generation && $0.retiring == nil }
    }

    private func readyCount(_ generation: Int) -> Int {
        serving(generation).filter(\.ready).count
    }
}
