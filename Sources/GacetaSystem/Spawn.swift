import Glibc

/// Starts programs with `posix_spawn` (never `fork` of a running Swift runtime). The child gets a minimal
/// environment — `PATH`, `LANG` and `TZ` from ours, plus what the caller names — the descriptors the caller
/// passes and 0–2, every other descriptor closed, and every signal at its default disposition, unblocked.
public struct Spawn: Sendable {
    /// The variables a child inherits whatever the caller names.
    public static let inheritedVariables = ["PATH", "LANG", "TZ"]

    /// The program: a path, or a name looked up in `PATH` when `searchPath` is set.
    public var program: String
    /// `argv[1...]`.
    public var arguments: [String]
    /// Variables set in the child besides `inheritedVariables` (a name here overrides ours).
    public var environment: [String: String]
    /// The child's descriptor → ours to put there (`[0: listening socket]`); 0–2 not named here are inherited.
    public var descriptors: [Int32: Int32]
    public var searchPath: Bool
    /// `RLIMIT_AS` (soft and hard) in bytes for the child, from its first instruction: posix_spawn cannot set a
    /// limit, so the child is started by util-linux's `prlimit(1)`, which sets it and execs the program.
    public var addressSpaceLimit: Int?

    public init(
        _ program: String, arguments: [String] = [], environment: [String: String] = [:],
        descriptors: [Int32: Int32] = [:], searchPath: Bool = false, addressSpaceLimit: Int? = nil
    ) {
        self.program = program
        self.arguments = arguments
        self.environment = environment
        self.descriptors = descriptors
        self.searchPath = searchPath
        self.addressSpaceLimit = addressSpaceLimit
    }

    /// The child's whole environment.
    public var childEnvironment: [String: String] {
        var result: [String: String] = [:]
        for name in Self.inheritedVariables {
            if let value = getenv(name) { result[name] = String(cString: value) }
        }
        result.merge(environment) { _, named in named }
        return result
    }

    /// This process's environment.
    public static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }

    /// Starts the child; its pid. A failure names the program and its arguments.
    public func start() throws(SystemError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // First every source to a number above all sources and targets, then onto its target: a source that is
        // also another's target is never overwritten before it is copied.
        let targets = descriptors.keys.sorted()
        let highest = (Array(descriptors.keys) + Array(descriptors.values) + [2]).max() ?? 2
        for (offset, target) in targets.enumerated() {
            guard let source = descriptors[target] else { continue }
            posix_spawn_file_actions_adddup2(&actions, source, highest + 1 + Int32(offset))
        }
        for (offset, target) in targets.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, highest + 1 + Int32(offset), target)
        }
        let kept = Set(targets + [0, 1, 2])
        for fd in Self.openDescriptors(above: highest + Int32(targets.count)) where !kept.contains(fd) {
            posix_spawn_file_actions_addclose(&actions, fd)
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

        var command = [program] + arguments
        var spawnsPath = searchPath
        if let addressSpaceLimit {
            // The program's own path first, so a missing one fails here with its name, as without the limit.
            guard let path = searchPath ? Self.lookUp(program, in: childEnvironment["PATH"]) : program else {
                throw SystemError(call: "posix_spawnp", errno: ENOENT, context: command.joined(separator: " "))
            }
            command = ["prlimit", "--as=\(addressSpaceLimit)", "--", path] + arguments
            spawnsPath = true
        }
        let argv = command.map { strdup($0) } + [nil]
        let envp = childEnvironment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status =
            spawnsPath
            ? posix_spawnp(&pid, command[0], &actions, &attributes, argv, envp)
            : posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw SystemError(
                call: spawnsPath ? "posix_spawnp" : "posix_spawn", errno: status,
                context: command.joined(separator: " "))
        }
        return pid
    }

    /// The first executable `name` in the directories of `path` (a name with a slash is its own path).
    public static func lookUp(_ name: String, in path: String?) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for directory in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// A pipe whose ends close on exec, so no other child inherits them (a descriptor passed to `Spawn` is copied
    /// into place without the flag).
    public static func pipe() throws(SystemError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        try System.call("pipe") { Glibc.pipe(&fds) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// Every descriptor from 3 open in this process (from /proc/self/fd), plus every number from 3 up to
    /// `through`, which the spawn's own copies use. Without /proc: every number below the descriptor limit.
    static func openDescriptors(above through: Int32) -> [Int32] {
        var found = Set((3...max(3, through)).map { $0 })
        let listed = Directory.names(in: "/proc/self/fd").compactMap { Int32($0) }
        if !listed.isEmpty {
            // The listing's own descriptor is among them, closed by now: closing it again in the child is harmless.
            found.formUnion(listed.filter { $0 >= 3 })
        } else {
            var limit = rlimit()
            getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            found.formUnion((3..<Int32(clamping: min(limit.rlim_cur, 65_536))).map { $0 })
        }
        return found.sorted()
    }

    /// Waits for `pid` to end.
    public static func wait(_ pid: pid_t, _ context: @autoclosure () -> String = "") throws(SystemError)
        -> ExitStatus
    {
        var status: Int32 = 0
        try System.call("waitpid", context()) { waitpid(pid, &status, 0) }
        return ExitStatus(waitStatus: status)
    }

    /// Reaps one child that has ended, without waiting; nil when none has.
    public static func reap() throws(SystemError) -> (pid: pid_t, status: ExitStatus)? {
        var status: Int32 = 0
        let pid = try System.call("waitpid") { waitpid(-1, &status, WNOHANG) }
        return pid == 0 ? nil : (pid, ExitStatus(waitStatus: status))
    }
}
