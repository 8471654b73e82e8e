import Glibc

/// Starts worker processes with `posix_spawn` of our own executable (never `fork` of a Swift runtime):
/// the listening socket becomes fd 0, the readiness pipe fd 3, signals start at their defaults.
public struct WorkerLauncher: Sendable {
    /// The fd on which a worker finds its readiness pipe, announced in `GACETACHAT_READY_FD`.
    public static let readyDescriptor: Int32 = 3

    public let executable: String
    public let arguments: [String]
    public let environment: [String: String]

    /// The master's own environment (for systemd's variables, which workers do not get).
    public let masterEnvironment: [String: String]

    public init(executable: String, arguments: [String], environment: [String: String]) {
        self.executable = executable
        self.arguments = arguments
        masterEnvironment = environment
        var environment = environment
        // The systemd socket belongs to the master; a worker finds its socket on fd 0.
        environment["LISTEN_FDS"] = nil
        environment["LISTEN_PID"] = nil
        environment["LISTEN_FDNAMES"] = nil
        // Only the master talks to systemd.
        environment["NOTIFY_SOCKET"] = nil
        environment["WATCHDOG_USEC"] = nil
        environment["WATCHDOG_PID"] = nil
        environment["GACETACHAT_READY_FD"] = String(Self.readyDescriptor)
        self.environment = environment
    }

    /// The path of the running executable, resolved now: after an upgrade replaces the file,
    /// workers spawned by a reload run the new binary.
    public static func currentExecutable() -> String {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = buffer.withUnsafeMutableBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else { return -1 }
                return readlink("/proc/self/exe", base, chars.count - 1)
            }
        }
        guard length > 0 else { return CommandLine.arguments[0] }
        return String(decoding: buffer[..<length], as: UTF8.self)
    }

    /// The fd on which a worker finds the scoreboard, announced in `GACETACHAT_SCOREBOARD_FD`.
    public static let scoreboardDescriptor: Int32 = 4

    public func spawn(
        listenDescriptor: Int32, readyDescriptor: Int32, scoreboard: (descriptor: Int32, slot: Int)? = nil
    )
        throws(SystemError) -> Int32
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, listenDescriptor, 0)
        posix_spawn_file_actions_adddup2(&actions, readyDescriptor, Self.readyDescriptor)
        var environment = environment
        if let scoreboard {
            posix_spawn_file_actions_adddup2(&actions, scoreboard.descriptor, Self.scoreboardDescriptor)
            environment["GACETACHAT_SCOREBOARD_FD"] = String(Self.scoreboardDescriptor)
            environment["GACETACHAT_SCOREBOARD_SLOT"] = String(scoreboard.slot)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw SystemError(
                call: "posix_spawn", errno: status, context: "\(executable) \(arguments.joined(separator: " "))")
        }
        return pid
    }
}
