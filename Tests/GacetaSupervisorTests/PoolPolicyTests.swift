import Testing

@testable import GacetaSupervisor

/// Drives `PoolPolicy` like the master would, with fake pids and a fake clock.
struct PoolHarness {
    var policy: PoolPolicy
    var now: Duration = .zero
    var nextPid: Int32 = 100
    var log: [String] = []
    var signals: [(Int32, WorkerSignal)] = []
    var exitCode: Int32?
    var reloadRequested = 0
    var notifications: [String] = []

    init(workers: Int = 3, boot: Duration = .seconds(10), graceful: Duration = .seconds(30)) {
        self.init(sizing: PoolSizing(maxChildren: workers), boot: boot, graceful: graceful)
    }

    init(sizing: PoolSizing, boot: Duration = .seconds(10), graceful: Duration = .seconds(30)) {
        policy = PoolPolicy(
            sizing: sizing, timing: .init(bootTimeout: boot, gracefulTimeout: graceful, killTimeout: .seconds(2)))
    }

    /// Feeds an event and performs spawns synchronously, as the master does.
    @discardableResult
    mutating func send(_ event: PoolEvent) -> [PoolAction] {
        var all: [PoolAction] = []
        var queue = policy.handle(event, now: now)
        while !queue.isEmpty {
            let action = queue.removeFirst()
            all.append(action)
            switch action {
            case .spawn(let generation):
                nextPid += 1
                queue += policy.handle(.spawned(pid: nextPid, generation: generation), now: now)
            case .signal(let pid, let signal): signals.append((pid, signal))
            case .log(_, let message): log.append(message)
            case .exit(let code): exitCode = code
            case .reloadConfiguration: reloadRequested += 1
            case .reopenLogs: break
            case .notify(let message): notifications.append(message)
            }
        }
        return all
    }

    mutating func readyAll() {
        for pid in policy.pids { send(.ready(pid: pid)) }
    }

    mutating func advance(_ duration: Duration) {
        now += duration
        send(.tick)
    }

    func spawns(in actions: [PoolAction]) -> Int {
        actions.filter { if case .spawn = $0 { true } else { false } }.count
    }

    func sent(_ signal: WorkerSignal) -> [Int32] {
        signals.filter { $0.1 == signal }.map(\.0)
    }
}

@Suite struct PoolPolicyTests {
    @Test func startSpawnsTheConfiguredNumberAndBecomesRunningWhenAllAreReady() {
        var pool = PoolHarness(workers: 3)
        let actions = pool.send(.start)
        #expect(pool.spawns(in: actions) == 3)
        #expect(pool.policy.phase == .starting)
        pool.send(.ready(pid: 101))
        pool.send(.ready(pid: 102))
        #expect(pool.policy.phase == .starting)
        pool.send(.ready(pid: 103))
        #expect(pool.policy.phase == .running)
        #expect(pool.log.contains { $0.contains("pool ready (pm = static): 3 workers (pids") })
    }

    @Test func aCrashedWorkerIsReplacedAndTheLogSaysHowItDied() {
        var pool = PoolHarness(workers: 2)
        pool.send(.start)
        pool.readyAll()
        let actions = pool.send(.exited(pid: 101, status: .signaled(signal: 9)))
        #expect(pool.spawns(in: actions) == 1)
        #expect(pool.policy.pids == [102, 103])
        #expect(pool.log.contains("worker 101 exited on signal 9 (SIGKILL); starting a replacement"))
        pool.send(.exited(pid: 102, status: .exited(code: 3)))
        #expect(pool.log.contains("worker 102 exited with code 3; starting a replacement"))
        #expect(pool.policy.pids.count == 2)
    }

    @Test func aWorkerThatFailsToBootStopsThePoolInsteadOfRespawning() {
        var pool = PoolHarness(workers: 3)
        pool.send(.start)
        pool.send(.ready(pid: 101))
        let actions = pool.send(.exited(pid: 102, status: .exited(code: 78)))
        #expect(pool.spawns(in: actions) == 0)
        #expect(pool.policy.phase == .stopping)
        #expect(Set(pool.sent(.term)) == [101, 103])
        #expect(pool.log.contains { $0.contains("worker 102 exited with code 78 while booting; stopping the pool") })
        pool.send(.exited(pid: 101, status: .signaled(signal: 15)))
        #expect(pool.exitCode == nil)
        pool.send(.exited(pid: 103, status: .signaled(signal: 15)))
        #expect(pool.exitCode == 1)
        #expect(pool.policy.phase == .stopped)
    }

    @Test func aSpawnFailureAtStartStopsWithAnError() {
        var pool = PoolHarness(workers: 1)
        _ = pool.policy.handle(.start, now: .zero)
        let actions = pool.send(.spawnFailed(generation: 1, message: "could not start a worker: posix_spawn failed"))
        #expect(actions.contains(.exit(code: 1)))
        #expect(pool.log.contains { $0.contains("posix_spawn failed") })
    }

    @Test func aWorkerThatNeverReportsReadyIsKilledAndCountsAsABootFailure() {
        var pool = PoolHarness(workers: 1, boot: .seconds(10))
        pool.send(.start)
        pool.advance(.seconds(9))
        #expect(pool.signals.isEmpty)
        pool.advance(.seconds(2))
        #expect(pool.sent(.kill) == [101])
        pool.send(.exited(pid: 101, status: .signaled(signal: 9)))
        #expect(pool.exitCode == 1)
        #expect(pool.log.contains { $0.contains("did not report ready within") })
    }

    @Test func reloadStartsNewWorkersFirstThenDrainsTheOldOnes() {
        var pool = PoolHarness(workers: 2)
        pool.send(.start)
        pool.readyAll()
        pool.send(.signal(.reload))
        #expect(pool.reloadRequested == 1)
        let actions = pool.send(.configurationReloaded(PoolSizing(maxChildren: 3)))
        #expect(pool.spawns(in: actions) == 3)
        #expect(pool.policy.phase == .reloading)
        // No old worker is touched before every new one is ready.
        pool.send(.ready(pid: 103))
        pool.send(.ready(pid: 104))
        #expect(pool.signals.isEmpty)
        pool.send(.ready(pid: 105))
        #expect(pool.policy.phase == .running)
        #expect(pool.policy.generation == 2)
        #expect(Set(pool.sent(.quit)) == [101, 102])
        // Old workers leaving after QUIT are not replaced.
        let after = pool.send(.exited(pid: 101, status: .exited(code: 0)))
        #expect(pool.spawns(in: after) == 0)
        #expect(pool.policy.pids == [102, 103, 104, 105])
    }

    @Test func aReloadWhoseWorkersFailToBootKeepsTheRunningWorkers() {
        var pool = PoolHarness(workers: 2)
        pool.send(.start)
        pool.readyAll()
        pool.send(.configurationReloaded(PoolSizing(maxChildren: 2)))
        pool.send(.exited(pid: 103, status: .exited(code: 78)))
        #expect(pool.policy.phase == .running)
        #expect(pool.policy.generation == 1)
        #expect(pool.sent(.term) == [104])
        #expect(pool.sent(.quit).isEmpty)
        #expect(pool.exitCode == nil)
        #expect(pool.log.contains { $0.contains("reload failed") })
    }

    @Test func aRejectedConfigurationLeavesThePoolAlone() {
        var pool = PoolHarness(workers: 2)
        pool.send(.start)
        pool.readyAll()
        let actions = pool.send(.configurationRejected(message: "unknown key 'wokers'"))
        #expect(pool.spawns(in: actions) == 0)
        #expect(pool.signals.isEmpty)
        #expect(pool.log.contains { $0.contains("unknown key 'wokers'") })
    }

    @Test func gracefulStopEscalatesQuitThenTermThenKill() {
        var pool = PoolHarness(workers: 2, graceful: .seconds(30))
        pool.send(.start)
        pool.readyAll()
        pool.send(.signal(.gracefulStop))
        #expect(Set(pool.sent(.quit)) == [101, 102])
        pool.send(.exited(pid: 101, status: .exited(code: 0)))
        pool.advance(.seconds(29))
        #expect(pool.sent(.term).isEmpty)
        pool.advance(.seconds(2))
        #expect(pool.sent(.term) == [102])
        pool.advance(.seconds(1))
        #expect(pool.sent(.kill).isEmpty)
        pool.advance(.seconds(2))
        #expect(pool.sent(.kill) == [102])
        pool.send(.exited(pid: 102, status: .signaled(signal: 9)))
        #expect(pool.exitCode == 0)
    }

    @Test func fastStopTermsEveryWorkerAndADrainingOneToo() {
        var pool = PoolHarness(workers: 2)
        pool.send(.start)
        pool.readyAll()
        pool.send(.signal(.gracefulStop))
        pool.send(.signal(.fastStop))
        #expect(Set(pool.sent(.term)) == [101, 102])
        pool.send(.exited(pid: 101, status: .signaled(signal: 15)))
        pool.send(.exited(pid: 102, status: .signaled(signal: 15)))
        #expect(pool.exitCode == 0)
    }

    @Test func stopWithNoWorkersExitsAtOnceAndSignalsAfterStopAreIgnored() {
        var pool = PoolHarness(workers: 1)
        pool.send(.start)
        pool.send(.ready(pid: 101))
        pool.send(.signal(.fastStop))
        pool.send(.exited(pid: 101, status: .signaled(signal: 15)))
        #expect(pool.exitCode == 0)
        let late = pool.send(.signal(.reload))
        #expect(late.isEmpty)
    }

    @Test func ttinAndTtouGrowAndShrinkThePool() {
        var pool = PoolHarness(workers: 2)
        pool.send(.start)
        pool.readyAll()
        let grow = pool.send(.signal(.grow))
        #expect(pool.spawns(in: grow) == 1)
        #expect(pool.policy.desiredWorkers == 3)
        pool.send(.ready(pid: 103))
        pool.send(.signal(.shrink))
        #expect(pool.sent(.quit) == [103])
        pool.send(.exited(pid: 103, status: .exited(code: 0)))
        #expect(pool.policy.pids == [101, 102])
        pool.send(.signal(.shrink))
        pool.send(.exited(pid: 102, status: .exited(code: 0)))
        let floor = pool.send(.signal(.shrink))
        #expect(floor.isEmpty)
        #expect(pool.policy.desiredWorkers == 1)
    }

    @Test func aSecondHupDuringAReloadIsIgnored() {
        var pool = PoolHarness(workers: 1)
        pool.send(.start)
        pool.readyAll()
        pool.send(.signal(.reload))
        pool.send(.configurationReloaded(PoolSizing(maxChildren: 1)))
        pool.send(.signal(.reload))
        #expect(pool.reloadRequested == 1)
        #expect(pool.log.contains { $0.contains("reload already in progress") })
    }

    @Test func systemdHearsReadyReloadingAndStopping() {
        var pool = PoolHarness(workers: 2)
        pool.send(.start)
        #expect(pool.notifications.isEmpty, "not ready before every worker is")
        pool.readyAll()
        #expect(pool.notifications.last?.hasPrefix("READY=1\nSTATUS=Serving with 2 workers") == true)
        pool.send(.signal(.reload))
        #expect(pool.notifications.last == "RELOADING=1")
        pool.send(.configurationReloaded(PoolSizing(maxChildren: 2)))
        pool.send(.ready(pid: 103))
        #expect(pool.notifications.last == "RELOADING=1", "READY only once the new generation serves")
        pool.send(.ready(pid: 104))
        #expect(pool.notifications.last?.hasPrefix("READY=1") == true)
        pool.send(.signal(.reload))
        pool.send(.configurationRejected(message: "bad"))
        #expect(pool.notifications.last?.hasPrefix("READY=1\nSTATUS=Reload refused") == true)
        pool.send(.signal(.fastStop))
        #expect(pool.notifications.last == "STOPPING=1")
    }

    @Test func aWorkerLeavingWithCodeZeroWasRecycledAndIsReplaced() {
        var pool = PoolHarness(workers: 1)
        pool.send(.start)
        pool.readyAll()
        let actions = pool.send(.exited(pid: 101, status: .exited(code: 0)))
        #expect(pool.spawns(in: actions) == 1)
        #expect(pool.log.contains { $0.contains("recycled after its max_requests") })
    }

    @Test func usr1ReopensTheMastersLogAndSignalsEveryWorker() {
        var pool = PoolHarness(workers: 2)
        pool.send(.start)
        pool.readyAll()
        let actions = pool.send(.signal(.reopenLogs))
        #expect(actions.first == .reopenLogs)
        #expect(Set(pool.sent(.reopenLogs)) == [101, 102])
    }
}
