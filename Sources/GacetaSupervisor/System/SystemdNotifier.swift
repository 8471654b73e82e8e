import Glibc

/// `sd_notify` without libsystemd: datagrams to `$NOTIFY_SOCKET` (a path, or `@name` in the abstract
/// namespace), and the watchdog keep-alive every half `$WATCHDOG_USEC`. Does nothing outside systemd.
public final class SystemdNotifier {
    private let socketPath: String?
    private let descriptor: Int32
    /// How often to send `WATCHDOG=1`, when systemd asked for it.
    public let watchdogInterval: Duration?
    private var lastWatchdog: ContinuousClock.Instant?

    public init(environment: [String: String]) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        descriptor =
            socketPath == nil ? -1 : socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        let watchdogFor = environment["WATCHDOG_PID"].flatMap(Int32.init)
        if let usec = environment["WATCHDOG_USEC"].flatMap(Int64.init), usec > 0,
            watchdogFor == nil || watchdogFor == getpid()
        {
            watchdogInterval = .microseconds(usec / 2)
        } else {
            watchdogInterval = nil
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Sends one notification (`READY=1`, `STATUS=…`, several lines at once); errors are ignored, as sd_notify does.
    public func send(_ message: String) {
        guard let socketPath, descriptor >= 0 else { return }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var path = Array(socketPath.utf8)
        if path.first == UInt8(ascii: "@") { path[0] = 0 }  // abstract namespace
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.enumerated() { buffer[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + path.count + (path.first == 0 ? 0 : 1))
        var bytes = Array(message.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { target in
                sendto(descriptor, &bytes, bytes.count, Int32(MSG_NOSIGNAL), target, length)
            }
        }
    }

    /// Called every tick: sends `WATCHDOG=1` when the interval has passed.
    public func tick(now: ContinuousClock.Instant = .now) {
        guard let watchdogInterval else { return }
        if let lastWatchdog, now - lastWatchdog < watchdogInterval { return }
        lastWatchdog = now
        send("WATCHDOG=1")
    }
}
