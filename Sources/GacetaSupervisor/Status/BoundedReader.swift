import GacetaSystem
import Glibc

/// Reads a request from a connection within a deadline and a byte budget, both for the whole request: each
/// receive waits only for what is left of the time, and a request larger than the budget is not read.
struct BoundedReader {
    let fd: Int32
    /// `MonotonicClock.microseconds()` past which nothing more is read.
    let deadline: Int64
    /// Bytes that may still be read.
    private(set) var budget: Int

    init(fd: Int32, deadline: Int64, budget: Int) {
        self.fd = fd
        self.deadline = deadline
        self.budget = budget
    }

    /// Exactly `count` bytes; nil at end of stream, on an error, past the deadline or past the budget.
    mutating func receive(count: Int) -> [UInt8]? {
        guard count <= budget else { return nil }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let left = deadline - MonotonicClock.microseconds()
            guard left > 0 else { return nil }
            var watched = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let wait = Int32(clamping: (left + 999) / 1000)
            let ready = (try? System.call("poll") { poll(&watched, 1, wait) }) ?? -1
            guard ready > 0 else { return nil }
            let got = try? System.call("recv") {
                buffer[filled...].withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            }
            guard let got, got > 0 else { return nil }
            filled += got
        }
        budget -= count
        return buffer
    }
}
