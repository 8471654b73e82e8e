/// One worker's requests by route and status, each with a latency histogram, in its scoreboard slot.
///
/// Only the worker writes; the master reads for `/metrics` and, when the worker has exited, adds the counts to
/// its own totals. Layout: `entryCount` entries of `entrySize` bytes: route (NUL-terminated), status, count,
/// sum of durations (µs), then one cumulative-free count per bucket of ``bucketBounds`` (Prometheus makes
/// them cumulative when rendering). A worker that sees more distinct route/status pairs than fit counts the
/// rest under the last entry's route `other`.
public struct RequestCounters: @unchecked Sendable {
    /// Upper bounds of the latency buckets, in seconds (the usual Prometheus defaults).
    public static let bucketBounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    static let entryCount = 22
    static let entrySize = 168
    static let routeCapacity = 56

    private enum Offset {
        static let status = 56
        static let count = 64
        static let sum = 72
        static let buckets = 80
    }

    /// The totals for one route and status.
    public struct Counts: Sendable, Equatable {
        public var count: UInt64 = 0
        public var durationMicroseconds: UInt64 = 0
        /// Requests per bucket of ``bucketBounds`` (not cumulative); slower ones are only in `count`.
        public var buckets = [UInt64](repeating: 0, count: RequestCounters.bucketBounds.count)

        public init() {}

        public static func += (lhs: inout Counts, rhs: Counts) {
            lhs.count &+= rhs.count
            lhs.durationMicroseconds &+= rhs.durationMicroseconds
            for index in lhs.buckets.indices { lhs.buckets[index] &+= rhs.buckets[index] }
        }
    }

    public struct Key: Sendable, Hashable, Comparable {
        public var route: String
        public var status: Int

        public init(route: String, status: Int) {
            self.route = route
            self.status = status
        }

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.route, lhs.status) < (rhs.route, rhs.status)
        }
    }

    private let base: UnsafeMutableRawPointer

    init(_ base: UnsafeMutableRawPointer) { self.base = base }

    private func entry(_ index: Int) -> UnsafeMutableRawPointer { base + index * Self.entrySize }

    /// Worker: one request answered.
    func record(route: String, status: Int, microseconds: Int64) {
        let index = slot(route: route, status: status)
        let entry = entry(index)
        let duration = UInt64(max(0, microseconds))
        let seconds = Double(duration) / 1_000_000
        if let bucket = Self.bucketBounds.firstIndex(where: { seconds <= $0 }) {
            let offset = Offset.buckets + bucket * 8
            entry.storeBytes(
                of: entry.load(fromByteOffset: offset, as: UInt64.self) &+ 1, toByteOffset: offset, as: UInt64.self)
        }
        entry.storeBytes(
            of: entry.load(fromByteOffset: Offset.sum, as: UInt64.self) &+ duration, toByteOffset: Offset.sum,
            as: UInt64.self)
        entry.storeBytes(
            of: entry.load(fromByteOffset: Offset.count, as: UInt64.self) &+ 1, toByteOffset: Offset.count,
            as: UInt64.self)
    }

    /// The entry for this pair: the existing one, the first free one, or the last (`other`) when full.
    private func slot(route: String, status: Int) -> Int {
        let stored = String(route.utf8.prefix(Self.routeCapacity - 1)) ?? route
        for index in 0..<Self.entryCount {
            let entry = entry(index)
            let name = SharedText.read(entry, capacity: Self.routeCapacity)
            if name.isEmpty {
                let isLast = index == Self.entryCount - 1
                entry.storeBytes(of: Int32(isLast ? 0 : status), toByteOffset: Offset.status, as: Int32.self)
                SharedText.write(isLast ? "other" : stored, to: entry, capacity: Self.routeCapacity)
                return index
            }
            if index == Self.entryCount - 1 { return index }
            if name == stored, Int(entry.load(fromByteOffset: Offset.status, as: Int32.self)) == status {
                return index
            }
        }
        return Self.entryCount - 1
    }

    /// Master: everything recorded so far.
    public func snapshot() -> [Key: Counts] {
        var result: [Key: Counts] = [:]
        for index in 0..<Self.entryCount {
            let entry = entry(index)
            let route = SharedText.read(entry, capacity: Self.routeCapacity)
            guard !route.isEmpty else { break }
            var counts = Counts()
            counts.count = entry.load(fromByteOffset: Offset.count, as: UInt64.self)
            counts.durationMicroseconds = entry.load(fromByteOffset: Offset.sum, as: UInt64.self)
            for bucket in counts.buckets.indices {
                counts.buckets[bucket] = entry.load(fromByteOffset: Offset.buckets + bucket * 8, as: UInt64.self)
            }
            let key = Key(route: route, status: Int(entry.load(fromByteOffset: Offset.status, as: Int32.self)))
            result[key, default: Counts()] += counts
        }
        return result
    }

    func clear() {
        (base).initializeMemory(as: UInt8.self, repeating: 0, count: Self.entryCount * Self.entrySize)
    }
}
