import Glibc

/// The one wrapper for system calls (the model: swift-nio's `NIOPosix/System.swift`): a call interrupted by a
/// signal (`EINTR`) is made again; any other failure throws a `SystemError` naming the call and errno.
public enum System {
    /// Runs `body` (a call that returns a negative value and sets errno on failure) until it is not interrupted.
    @discardableResult
    public static func call<T: BinaryInteger>(
        _ name: String, _ context: @autoclosure () -> String = "", _ body: () -> T
    ) throws(SystemError) -> T {
        while true {
            let result = body()
            if result >= 0 { return result }
            let code = Glibc.errno
            if code == EINTR { continue }
            throw SystemError(call: name, errno: code, context: context())
        }
    }

    /// Like `call`, but an interruption returns nil instead of retrying: for a wait whose caller must look at the
    /// flags a signal handler set before waiting again.
    public static func interruptible<T: BinaryInteger>(
        _ name: String, _ context: @autoclosure () -> String = "", _ body: () -> T
    ) throws(SystemError) -> T? {
        let result = body()
        if result >= 0 { return result }
        let code = Glibc.errno
        if code == EINTR { return nil }
        throw SystemError(call: name, errno: code, context: context())
    }

    /// Writes all of `bytes` to `fd`, retrying interruptions and short writes.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ context: @autoclosure () -> String = "")
        throws(SystemError)
    {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = try call("write", context()) { Glibc.write(fd, base + offset, bytes.count - offset) }
            if written == 0 { throw SystemError(call: "write", errno: EIO, context: context()) }
            offset += written
        }
    }

    /// Writes all of `bytes` to `fd`.
    public static func writeAll<Bytes: Collection<UInt8>>(
        _ fd: Int32, _ bytes: Bytes, _ context: @autoclosure () -> String = ""
    ) throws(SystemError) {
        let copy = Array(bytes)
        let failure: SystemError? = copy.withUnsafeBytes { buffer -> SystemError? in
            do throws(SystemError) {
                try writeAll(fd, buffer, context())
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Writes `text` to standard error in as few calls as it takes, ignoring failures (there is nowhere to report
    /// them).
    public static func printError(_ text: String) {
        try? writeAll(STDERR_FILENO, Array(text.utf8))
    }

    /// `recv` until `count` bytes arrived; nil at end of stream, on a timeout or an error.
    public static func receive(_ fd: Int32, count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = try? call("recv") {
                buffer[filled...].withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            }
            guard let got, got > 0 else { return nil }
            filled += got
        }
        return buffer
    }

    /// Whether the peer of the connected socket `fd` has closed (or reset) the connection, without waiting and
    /// without reading: unread bytes do not count, only a hang-up.
    public static func peerHungUp(_ fd: Int32) -> Bool {
        let readHangUp: Int16 = 0x2000  // POLLRDHUP (Linux; Glibc hides it behind _GNU_SOURCE)
        var watched = pollfd(fd: fd, events: readHangUp, revents: 0)
        guard poll(&watched, 1, 0) > 0 else { return false }
        return watched.revents & (readHangUp | Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)) != 0
    }
}
