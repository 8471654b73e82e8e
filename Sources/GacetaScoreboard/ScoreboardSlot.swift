import GacetaSystem
import Glibc

/// One worker's row. Layout: pid, state, requests, request start (µs, monotonic), last duration (µs), method,
/// URI, idle since (µs), resident memory (bytes) in the first 256 bytes; then the worker's request counters by
/// route and status (see ``RequestCounters``), which the master adds to its totals when the worker exits. A reader may see a row mid-update; every field is a whole aligned word or a
/// NUL-terminated string, so the worst case is a status line one request out of date.
public struct ScoreboardSlot: @unchecked Sendable {
    public enum State: Int32, Sendable {
        case free = 0, starting, idle, busy, exiting
    }

    private let base: UnsafeMutableRawPointer

    init(_ base: UnsafeMutableRawPointer) { self.base = base }

    private enum Offset {
        static let pid = 0
        static let state = 4
        static let requests = 8
        static let requestStart = 16
        static let lastDuration = 24
        static let method = 32
        static let uri = 40
        static let idleSince = 200
        static let memory = 208
    }

    public var pid: Int32 {
        get { base.load(fromByteOffset: Offset.pid, as: Int32.self) }
        nonmutating set { base.storeBytes(of: newValue, toByteOffset: Offset.pid, as: Int32.self) }
    }

    public var state: State {
        get { State(rawValue: base.load(fromByteOffset: Offset.state, as: Int32.self)) ?? .free }
        nonmutating set { base.storeBytes(of: newValue.rawValue, toByteOffset: Offset.state, as: Int32.self) }
    }

    public var requests: UInt64 {
        get { base.load(fromByteOffset: Offset.requests, as: UInt64.self) }
        nonmutating set { base.storeBytes(of: newValue, toByteOffset: Offset.requests, as: UInt64.self) }
    }

    /// Monotonic microseconds when the current request started; 0 when idle.
    public var requestStart: Int64 {
        get { base.load(fromByteOffset: Offset.requestStart, as: Int64.self) }
        nonmutating set { base.storeBytes(of: newValue, toByteOffset: Offset.requestStart, as: Int64.self) }
    }

    public var lastDuration: Int64 {
        get { base.load(fromByteOffset: Offset.lastDuration, as: Int64.self) }
        nonmutating set { base.storeBytes(of: newValue, toByteOffset: Offset.lastDuration, as: Int64.self) }
    }

    /// Monotonic microseconds since the worker has been idle; 0 while busy or starting.
    public var idleSince: Int64 {
        get { base.load(fromByteOffset: Offset.idleSince, as: Int64.self) }
        nonmutating set { base.storeBytes(of: newValue, toByteOffset: Offset.idleSince, as: Int64.self) }
    }

    /// Resident anonymous memory (heap, pages written; not the mapped database) after the last request, in bytes.
    public var memory: UInt64 {
        get { base.load(fromByteOffset: Offset.memory, as: UInt64.self) }
        nonmutating set { base.storeBytes(of: newValue, toByteOffset: Offset.memory, as: UInt64.self) }
    }

    /// Requests by route and status, with their latency histogram.
    public var counters: RequestCounters { RequestCounters(base + Scoreboard.metricsOffset) }

    public var method: String {
        get { read(at: Offset.method, capacity: Scoreboard.methodCapacity) }
        nonmutating set { write(newValue, at: Offset.method, capacity: Scoreboard.methodCapacity) }
    }

    public var uri: String {
        get { read(at: Offset.uri, capacity: Scoreboard.uriCapacity) }
        nonmutating set { write(newValue, at: Offset.uri, capacity: Scoreboard.uriCapacity) }
    }

    /// Master, at spawn: a fresh row for `pid`.
    public func claim(pid: Int32) {
        clearRequest()
        requests = 0
        lastDuration = 0
        idleSince = 0
        memory = 0
        counters.clear()
        self.pid = pid
        state = .starting
    }

    /// Master, after reaping.
    public func release() {
        state = .free
        pid = 0
        clearRequest()
    }

    /// Worker: a request begins.
    public func begin(method: String, uri: String, now: Int64 = Scoreboard.monotonicMicroseconds()) {
        idleSince = 0
        self.method = method
        self.uri = uri
        requestStart = now
        state = .busy
    }

    /// Worker: ready for a request.
    public func becomeIdle(now: Int64 = Scoreboard.monotonicMicroseconds()) {
        idleSince = now
        state = .idle
    }

    /// Worker: the response is written; `route` is the pattern that answered (or `unmatched`).
    public func end(route: String, status: Int, now: Int64 = Scoreboard.monotonicMicroseconds()) {
        let start = requestStart
        if start > 0 {
            lastDuration = now - start
            counters.record(route: route, status: status, microseconds: lastDuration)
        }
        requests &+= 1
        requestStart = 0
        becomeIdle(now: now)
    }

    private func clearRequest() {
        requestStart = 0
        method = ""
        uri = ""
    }

    private func read(at offset: Int, capacity: Int) -> String { SharedText.read(base + offset, capacity: capacity) }

    private func write(_ text: String, at offset: Int, capacity: Int) {
        SharedText.write(text, to: base + offset, capacity: capacity)
    }
}

/// NUL-terminated UTF-8 in a fixed-size field of shared memory.
enum SharedText {
    static func read(_ address: UnsafeMutableRawPointer, capacity: Int) -> String {
        let bytes = UnsafeRawBufferPointer(start: address, count: capacity)
        let end = bytes.firstIndex(of: 0) ?? capacity
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    static func write(_ text: String, to address: UnsafeMutableRawPointer, capacity: Int) {
        let target = UnsafeMutableRawBufferPointer(start: address, count: capacity)
        var count = 0
        for byte in text.utf8.prefix(capacity - 1) {
            target[count] = byte
            count += 1
        }
        target[count] = 0
    }
}

extension Scoreboard {
    /// CLOCK_MONOTONIC in microseconds (the same clock in every process).
    public static func monotonicMicroseconds() -> Int64 {
        MonotonicClock.microseconds()
    }
}
