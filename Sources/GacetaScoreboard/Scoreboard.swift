import GacetaSystem
import Glibc

/// Shared memory the master and its workers both map: one fixed-size slot per worker (pid, state, requests
/// served, the request in progress and when it started, the last request's duration). Workers write their own
/// slot; the master reads every slot to enforce timeouts and to answer the status page even when every worker
/// is busy. The master creates it (an unlinked file in /dev/shm) and passes the descriptor to workers.
public final class Scoreboard: @unchecked Sendable {
    public static let slotCount = 512
    static let slotSize = 4096
    /// Where a slot's request counters start (the fields above it fit in the first 256 bytes).
    static let metricsOffset = 256
    static let uriCapacity = 160
    static let methodCapacity = 8

    public let descriptor: Int32
    private let base: UnsafeMutableRawPointer

    /// Creates a new, zeroed scoreboard (master).
    public static func create() throws(ScoreboardError) -> Scoreboard {
        let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        var template = Array("\(directory)/gacetachat-scoreboard-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let address = buffer.baseAddress else { return -1 }
            return mkstemp(address)
        }
        guard fd >= 0 else { throw ScoreboardError("\(SystemError.last("mkstemp", directory))") }
        template.withUnsafeBufferPointer { buffer in
            if let address = buffer.baseAddress { _ = unlink(address) }
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        guard ftruncate(fd, off_t(slotCount * slotSize)) == 0 else {
            close(fd)
            throw ScoreboardError("\(SystemError.last("ftruncate"))")
        }
        return try Scoreboard(descriptor: fd)
    }

    /// Maps an existing scoreboard (worker: the descriptor the master passed).
    public init(descriptor: Int32) throws(ScoreboardError) {
        let size = Self.slotCount * Self.slotSize
        guard let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0),
            address != MAP_FAILED
        else { throw ScoreboardError("\(SystemError.last("mmap"))") }
        self.descriptor = descriptor
        base = address
    }

    deinit { munmap(base, Self.slotCount * Self.slotSize) }

    /// A slot whose mapping stays valid for the life of the process (a worker's own row).
    public func retainedSlot(_ index: Int) -> ScoreboardSlot {
        _ = Unmanaged.passRetained(self)
        return slot(index)
    }

    public func slot(_ index: Int) -> ScoreboardSlot {
        precondition((0..<Self.slotCount).contains(index), "scoreboard slot \(index) out of range")
        return ScoreboardSlot(base + index * Self.slotSize)
    }
}

public struct ScoreboardError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = "scoreboard: " + description }
}
