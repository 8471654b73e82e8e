import GacetaScoreboard
import GacetaSystem
import Testing

@testable import GacetaSupervisor

/// `pm = dynamic | ondemand`, the counters they keep, and every signal in every phase.
@Suite struct PoolSizingTests {
    private static func dynamic(max: Int = 10, start: Int = 2, minSpare: Int = 2, maxSpare: Int = 4, rate: Int = 4)
        -> PoolHarness
    {
        PoolHarness(
            sizing: PoolSizing(
                mode: .dynamic, maxChildren: max, startServers: start, minSpareServers: minSpare,
                maxSpareServers: maxSpare, maxSpawnRate: rate))
    }

    private static func ondemand(max: Int = 2, idleTimeout: Duration = .seconds(10)) -> PoolHarness {
        PoolHarness(sizing: PoolSizing(mode: .ondemand, maxChildren: max, processIdleTimeout: idleTimeout))
    }

    /// Every live worker idle (for `idle`) except the `busy` ones.
    private static func occupancy(
        _ pool: PoolHarness, busy: Set<Int32> = [], idle: Duration = .zero, waiting: Bool = false
    )
        -> PoolEvent
    {
        var map: [Int32: Duration] = [:]
        for pid in pool.policy.pids where !busy.contains(pid) { map[pid] = idle }
        return .occupancy(PoolOccupancy(idle: map, waiting: waiting))
    }

    @Test func dynamicStartsStartServersThenDoublesItsSpawnsUpToTheRateAndNeverPassesMaxChildren() {
        var pool = Self.dynamic(max: 13, start: 2, minSpare: 10, maxSpare: 10, rate: 4)
        pool.send(.start)
        #expect(pool.policy.pids.count == 2)
        pool.readyAll()
        #expect(pool.policy.phase == .running)
        var batches: [Int] = []
        for _ in 0..<5 {
            pool.now += .seconds(1)
            let actions = pool.send(Self.occupancy(pool, busy: Set(pool.policy.pids)))
            batches.append(pool.spawns(in: actions))
            pool.readyAll()
        }
        #expect(batches == [1, 2, 4, 4, 0], "1, 2, 4, then the rate (4), then none: max_children is reached")
        #expect(pool.policy.pids.count == 13)
        #expect(pool.policy.statistics.maxChildrenReached == 1)
        pool.now += .seconds(1)
        pool.send(Self.occupancy(pool, busy: Set(pool.policy.pids)))
        #expect(pool.policy.statistics.maxChildrenReached == 1, "counted once per stretch at the ceiling")
    }

    @Test func dynamicActsAtMostOncePerSecond() {
        var pool = Self.dynamic()
        pool.send(.start)
        pool.readyAll()
        pool.now += .seconds(1)
        let first = pool.send(Self.occupancy(pool, busy: Set(pool.policy.pids)))
        pool.now += .milliseconds(200)
        let second = pool.send(Self.occupancy(pool, busy: Set(pool.policy.pids)))
        #expect(pool.spawns(in: first) == 1)
        #expect(pool.spawns(in: second) == 0)
    }

    @Test func dynamicStopsTheLongestIdleWorkerWhenThereAreTooManySpares() {
        var pool = Self.dynamic(max: 10, start: 4, minSpare: 1, maxSpare: 2)
        pool.send(.start)
        pool.readyAll()
        var idle: [Int32: Duration] = [101: .seconds(1), 102: .seconds(9), 103: .seconds(3), 104: .seconds(2)]
        pool.now += .seconds(1)
        pool.send(.occupancy(PoolOccupancy(idle: idle)))
        #expect(pool.sent(.quit) == [102])
        pool.send(.exited(pid: 102, status: .exited(code: 0)))
        idle[102] = nil
        pool.now += .seconds(1)
        pool.send(.occupancy(PoolOccupancy(idle: idle)))
        #expect(pool.sent(.quit) == [102, 103], "one per second")
        pool.send(.exited(pid: 103, status: .exited(code: 0)))
        idle[103] = nil
        pool.now += .seconds(1)
        let steady = pool.send(.occupancy(PoolOccupancy(idle: idle)))
        #expect(steady.isEmpty, "two idle is within 1...2")
        #expect(pool.policy.pids == [101, 104])
        #expect(pool.policy.statistics.restarts.isEmpty, "stopping spares is not a restart")
    }

    @Test func ondemandStartsWithNoWorkerAndIsReadyAtOnce() {
        var pool = Self.ondemand()
        let actions = pool.send(.start)
        #expect(pool.spawns(in: actions) == 0)
        #expect(pool.policy.phase == .running)
        #expect(pool.notifications.last?.hasPrefix("READY=1") == true)
    }

    @Test func ondemandStartsOneWorkerForAWaitingConnectionAndNoMoreWhileItBoots() {
        var pool = Self.ondemand(max: 2)
        pool.send(.start)
        #expect(pool.spawns(in: pool.send(Self.occupancy(pool))) == 0, "nothing waits")
        #expect(pool.spawns(in: pool.send(Self.occupancy(pool, waiting: true))) == 1)
        #expect(pool.spawns(in: pool.send(Self.occupancy(pool, waiting: true))) == 0, "one is booting")
        pool.readyAll()
        #expect(pool.spawns(in: pool.send(Self.occupancy(pool, waiting: true))) == 0, "an idle worker will take it")
        #expect(pool.spawns(in: pool.send(Self.occupancy(pool, busy: [101], waiting: true))) == 1)
        pool.readyAll()
        let full = pool.send(Self.occupancy(pool, busy: [101, 102], waiting: true))
        #expect(pool.spawns(in: full) == 0)
        #expect(pool.policy.statistics.maxChildrenReached == 1)
        #expect(pool.log.contains { $0.contains("reached pm.max_children (2)") })
    }

    @Test func ondemandStopsWorkersIdlePastTheTimeoutDownToZero() {
        var pool = Self.ondemand(max: 2, idleTimeout: .seconds(10))
        pool.send(.start)
        pool.send(Self.occupancy(pool, waiting: true))
        pool.readyAll()
        pool.send(Self.occupancy(pool, busy: [101], waiting: true))
        pool.readyAll()
        #expect(pool.send(Self.occupancy(pool, idle: .seconds(9))).isEmpty)
        pool.send(Self.occupancy(pool, idle: .seconds(10)))
        #expect(pool.sent(.quit) == [101, 102])
        pool.send(.exited(pid: 101, status: .exited(code: 0)))
        pool.send(.exited(pid: 102, status: .exited(code: 0)))
        #expect(pool.policy.pids.isEmpty)
        #expect(pool.policy.desiredWorkers == 0)
        #expect(pool.spawns(in: pool.send(Self.occupancy(pool, waiting: true))) == 1, "the next request still gets one")
    }

    @Test func ondemandReloadReplacesTheWorkersItHasAndCompletesAtOnceWithNone() {
        var pool = Self.ondemand(max: 3)
        pool.send(.start)
        pool.send(.signal(.reload))
        pool.send(.configurationReloaded(PoolSizing(mode: .ondemand, maxChildren: 3)))
        #expect(pool.policy.phase == .running)
        #expect(pool.policy.generation == 2)
        pool.send(Self.occupancy(pool, waiting: true))
        pool.readyAll()
        pool.send(.signal(.reload))
        let reload = pool.send(.configurationReloaded(PoolSizing(mode: .ondemand, maxChildren: 3)))
        #expect(pool.spawns(in: reload) == 1, "one worker served, one replaces it")
    }

    @Test func staticCountsMaxChildrenReachedWhenAConnectionWaitsWithEveryWorkerBusy() {
        var pool = PoolHarness(workers: 2)
        pool.send(.start)
        pool.readyAll()
        let actions = pool.send(Self.occupancy(pool, busy: [101, 102], waiting: true))
        #expect(pool.spawns(in: actions) == 0)
        #expect(pool.policy.statistics.maxChildrenReached == 1)
        pool.send(Self.occupancy(pool))
        pool.send(Self.occupancy(pool, busy: [101, 102], waiting: true))
        #expect(pool.policy.statistics.maxChildrenReached == 2)
    }

    @Test func aWorkerOverTheMemoryCeilingIsReplacedAndCountedAsSuch() {
        var pool = PoolHarness(workers: 1)
        pool.send(.start)
        pool.readyAll()
        let actions = pool.send(.exited(pid: 101, status: .exited(code: WorkerExitCode.memoryLimit)))
        #expect(pool.spawns(in: actions) == 1)
        #expect(pool.policy.statistics.restarts == ["memory_limit": 1])
    }

    @Test func ttinAndTtouMoveMaxChildrenInDynamicPools() {
        var pool = Self.dynamic(max: 3, start: 2, minSpare: 1, maxSpare: 3)
        pool.send(.start)
        pool.readyAll()
        #expect(pool.spawns(in: pool.send(.signal(.grow))) == 0)
        #expect(pool.policy.sizing.maxChildren == 4)
        pool.send(.signal(.shrink))
        pool.send(.signal(.shrink))
        pool.send(.signal(.shrink))
        #expect(pool.policy.sizing.maxChildren == 1)
        #expect(pool.sent(.quit).count == 1, "only what is above the new ceiling leaves")
    }

    /// Every signal in every phase: what must happen, and nothing that must not.
    @Test(arguments: [PoolSignal.fastStop, .gracefulStop, .reload, .grow, .shrink, .reopenLogs])
    func everySignalInEveryPhase(_ signal: PoolSignal) {
        for phase in [PoolPolicy.Phase.starting, .running, .reloading, .stopping, .stopped] {
            var pool = PoolHarness(workers: 2)
            pool.send(.start)
            switch phase {
            case .running:
                pool.readyAll()
            case .reloading:
                pool.readyAll()
                pool.send(.signal(.reload))
                pool.send(.configurationReloaded(PoolSizing(maxChildren: 2)))
            case .stopping:
                pool.readyAll()
                pool.send(.signal(.gracefulStop))
            case .stopped:
                pool.readyAll()
                pool.send(.signal(.fastStop))
                for pid in pool.policy.pids { pool.send(.exited(pid: pid, status: .signaled(signal: 15))) }
            default:
                break
            }
            #expect(pool.policy.phase == phase)
            let before = (pids: pool.policy.pids, desired: pool.policy.desiredWorkers, reloads: pool.reloadRequested)
            let signalsBefore = pool.signals.count
            let actions = pool.send(.signal(signal))
            let spawned = pool.spawns(in: actions)
            let context = "\(signal) while \(phase)"
            switch (signal, phase) {
            case (_, .stopped):
                #expect(
                    spawned == 0 && pool.signals.count == signalsBefore,
                    "\(context): a stopped pool starts and signals nothing")
            case (.fastStop, _):
                #expect(pool.policy.phase == .stopping || pool.policy.phase == .stopped, "\(context)")
                #expect(spawned == 0, "\(context)")
                #expect(
                    Set(pool.signals.dropFirst(signalsBefore).filter { $0.1 == .term }.map(\.0)) == Set(before.pids),
                    "\(context): every worker gets TERM")
            case (.gracefulStop, .stopping):
                #expect(actions.isEmpty, "\(context): already stopping")
            case (.gracefulStop, _):
                #expect(pool.policy.phase == .stopping, "\(context)")
                #expect(Set(pool.sent(.quit)) == Set(before.pids), "\(context): every worker gets QUIT")
            case (.reload, .starting), (.reload, .running):
                #expect(pool.reloadRequested == before.reloads + 1, "\(context)")
            case (.reload, _):
                #expect(pool.reloadRequested == before.reloads, "\(context): no second reload")
            case (.grow, .running):
                #expect(spawned == 1 && pool.policy.desiredWorkers == before.desired + 1, "\(context)")
            case (.shrink, .running):
                #expect(pool.sent(.quit).count == 1 && pool.policy.desiredWorkers == before.desired - 1, "\(context)")
            case (.grow, _), (.shrink, _):
                #expect(actions.isEmpty, "\(context): only a running pool changes size")
            case (.reopenLogs, _):
                #expect(actions.first == .reopenLogs, "\(context)")
                #expect(Set(pool.sent(.reopenLogs)) == Set(before.pids), "\(context)")
            }
            if signal != .fastStop && signal != .gracefulStop && phase != .stopped {
                #expect(pool.policy.phase == phase, "\(context): the phase stays")
            }
        }
    }
}
