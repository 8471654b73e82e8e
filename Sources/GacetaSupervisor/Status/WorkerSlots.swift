import GacetaScoreboard
import GacetaSystem
import Glibc

/// The master's side of the scoreboard: which slot each worker writes, totals that survive workers,
/// and the slow/terminate checks on requests in progress.
final class WorkerSlots {
    let board: Scoreboard
    private var slotOfPid: [Int32: Int] = [:]
    private var free: [Int]
    /// Requests served by workers that have exited.
    private var retiredRequests: UInt64 = 0
    /// Requests by route and status of workers that have exited.
    private var retiredCounters: [RequestCounters.Key: RequestCounters.Counts] = [:]
    private(set) var maxActive = 0
    /// Request start times already reported, per pid, so each request is logged/ended once.
    private var reportedSlow: [Int32: Int64] = [:]
    private var reportedTimeout: [Int32: Int64] = [:]
    private let startTime = Timestamp.now()
    private let startedAt = Scoreboard.monotonicMicroseconds()

    init() throws(ScoreboardError) {
        board = try Scoreboard.create()
        free = Array((0..<Scoreboard.slotCount).reversed())
    }

    /// A slot for the next worker, or nil when all are taken (the worker then runs without one).
    func reserve() -> Int? { free.popLast() }

    func assign(_ slot: Int, to pid: Int32) {
        slotOfPid[pid] = slot
        board.slot(slot).claim(pid: pid)
    }

    func unreserve(_ slot: Int) { free.append(slot) }

    /// Frees `pid`'s slot, adding its counts to the totals; returns how many requests it served.
    @discardableResult
    func release(pid: Int32) -> UInt64? {
        guard let index = slotOfPid.removeValue(forKey: pid) else { return nil }
        let slot = board.slot(index)
        let served = slot.requests
        retiredRequests &+= slot.requests
        for (key, counts) in slot.counters.snapshot() { retiredCounters[key, default: .init()] += counts }
        slot.release()
        free.append(index)
        reportedSlow[pid] = nil
        reportedTimeout[pid] = nil
        return served
    }

    /// Events for requests past the slowlog or terminate timeouts (each request reported once).
    func checkTimeouts(slowlog: Duration, terminate: Duration) -> [PoolEvent] {
        let now = Scoreboard.monotonicMicroseconds()
        var events: [PoolEvent] = []
        var active = 0
        for (pid, index) in slotOfPid {
            let slot = board.slot(index)
            guard slot.state == .busy else { continue }
            active += 1
            let start = slot.requestStart
            guard start > 0 else { continue }
            let elapsed = now - start
            let description = "\(slot.method) \(slot.uri) for \(Double(elapsed / 1000) / 1000)s"
            if terminate > .zero, elapsed >= Self.microseconds(terminate), reportedTimeout[pid] != start {
                reportedTimeout[pid] = start
                events.append(.requestTimedOut(pid: pid, request: description))
            } else if slowlog > .zero, elapsed >= Self.microseconds(slowlog), reportedSlow[pid] != start {
                reportedSlow[pid] = start
                events.append(.requestSlow(pid: pid, request: description))
            }
        }
        maxActive = max(maxActive, active)
        return events
    }

    /// Some worker's slot says idle.
    var anyIdle: Bool { slotOfPid.values.contains { board.slot($0).state == .idle } }

    /// Idle workers and for how long, for `pm = dynamic | ondemand`.
    func occupancy(waiting: Bool) -> PoolOccupancy {
        let now = Scoreboard.monotonicMicroseconds()
        var idle: [Int32: Duration] = [:]
        for (pid, index) in slotOfPid {
            let slot = board.slot(index)
            guard slot.state == .idle else { continue }
            let since = slot.idleSince
            idle[pid] = since > 0 ? .microseconds(max(0, now - since)) : .zero
        }
        return PoolOccupancy(idle: idle, waiting: waiting)
    }

    func snapshot(statistics: PoolStatistics, processManager: String) -> PoolSnapshot {
        let now = Scoreboard.monotonicMicroseconds()
        var accepted = retiredRequests
        var counters = retiredCounters
        var rows: [PoolSnapshot.WorkerRow] = []
        for (pid, index) in slotOfPid.sorted(by: { $0.key < $1.key }) {
            let slot = board.slot(index)
            accepted &+= slot.requests
            for (key, counts) in slot.counters.snapshot() { counters[key, default: .init()] += counts }
            let busy = slot.state == .busy && slot.requestStart > 0
            rows.append(
                PoolSnapshot.WorkerRow(
                    pid: pid, state: slot.state, requests: slot.requests,
                    requestDuration: Double(busy ? now - slot.requestStart : slot.lastDuration) / 1000,
                    method: slot.method, uri: slot.uri, memory: slot.memory))
        }
        var snapshot = PoolSnapshot(
            startTime: startTime, startSince: (now - startedAt) / 1_000_000, acceptedRequests: accepted,
            maxActive: maxActive, statistics: statistics, workers: rows)
        snapshot.processManager = processManager
        snapshot.maxChildrenReached = statistics.maxChildrenReached
        snapshot.requestCounters = counters
        return snapshot
    }

    private static func microseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
    }
}
