import Glibc

/// Runs a program through `Spawn` (looked up in `PATH`), reading its stdout and stderr fully while it runs,
/// within optional `Limits`.
public enum ProcessRunner {
    /// Bounds for a helper that reads untrusted input (pdftotext on an uploaded PDF). Past the time or the
    /// output, the helper is killed (SIGKILL) and `Output.exceeded` says which; past the address space, its own
    /// allocations fail (it usually exits with an error).
    public struct Limits: Sendable, Equatable {
        /// Wall-clock time from the start.
        public var time: Duration?
        /// Bytes of standard output kept; the helper is killed when it writes more.
        public var output: Int?
        /// `RLIMIT_AS` in bytes (`Spawn.addressSpaceLimit`).
        public var addressSpace: Int?

        public init(time: Duration? = nil, output: Int? = nil, addressSpace: Int? = nil) {
            self.time = time
            self.output = output
            self.addressSpace = addressSpace
        }
    }

    /// The limit a killed helper passed.
    public enum Exceeded: Sendable, Equatable, CustomStringConvertible {
        case time(Duration)
        case output(Int)

        public var description: String {
            switch self {
            case .time(let limit): "ran longer than \(limit.components.seconds) s"
            case .output(let limit): "wrote more than \(limit) bytes"
            }
        }
    }

    /// What a finished program left behind.
    public struct Output: Sendable {
        public var status: Int32
        public var signal: Int32?
        public var stdout: [UInt8]
        public var stderr: [UInt8]
        /// Set when the program was killed for passing a limit (`stdout` then holds what came before).
        public var exceeded: Exceeded?

        public var succeeded: Bool { status == 0 && signal == nil && exceeded == nil }
    }

    public enum Failure: Error, CustomStringConvertible {
        /// The program is not on `PATH`.
        case notFound(String)
        /// A system call failed before or while running it.
        case system(String)

        public var description: String {
            switch self {
            case .notFound(let program): "\(program) is not installed (not found on PATH)"
            case .system(let message): message
            }
        }
    }

    /// Runs `arguments[0]` (looked up in `PATH`) with stdin on /dev/null, with the minimal environment (`LANG`
    /// set to `C.UTF-8`) plus `environment`, within `limits`.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], limits: Limits = Limits()
    ) throws(Failure) -> Output {
        guard let program = arguments.first else { throw .system("nothing to run") }
        do {
            return try collect(arguments, environment: environment, limits: limits)
        } catch  where error.call == "posix_spawnp" && error.errno == ENOENT {
            throw .notFound(program)
        } catch  where error.call == "posix_spawnp" {
            throw .system("cannot spawn \(program): \(error.reason)")
        } catch {
            throw .system("\(error.call) \(program): \(error.reason)")
        }
    }

    /// Like `run`, and a program that fails is an error too, saying how it ended and the last lines it printed on
    /// stderr: `pg_dump exited with 1: …`.
    @discardableResult
    public static func runSucceeding(
        _ arguments: [String], environment: [String: String] = [:], limits: Limits = Limits()
    ) throws(Failure) -> Output {
        let output = try run(arguments, environment: environment, limits: limits)
        guard output.succeeded else {
            let message = String(decoding: output.stderr, as: UTF8.self).split(separator: "\n").suffix(5)
                .joined(separator: "; ")
            let how =
                output.exceeded.map { "was killed: it \($0)" }
                ?? output.signal.map { "was killed by signal \($0)" } ?? "exited with \(output.status)"
            throw .system("\(arguments[0]) \(how): \(message)")
        }
        return output
    }

    private static func collect(
        _ arguments: [String], environment: [String: String], limits: Limits
    ) throws(SystemError) -> Output {
        let input = try System.call("open", "/dev/null") { open("/dev/null", O_RDONLY | O_CLOEXEC) }
        defer { close(input) }
        let out = try Spawn.pipe()
        let err: (read: Int32, write: Int32)
        do {
            err = try Spawn.pipe()
        } catch {
            close(out.read)
            close(out.write)
            throw error
        }
        defer {
            close(out.read)
            close(err.read)
        }
        // The helpers' output is parsed and quoted in errors: the same locale everywhere, unless the caller names one.
        let spawn = Spawn(
            arguments[0], arguments: Array(arguments.dropFirst()),
            environment: ["LANG": "C.UTF-8"].merging(environment) { _, named in named },
            descriptors: [0: input, 1: out.write, 2: err.write], searchPath: true,
            addressSpaceLimit: limits.addressSpace)
        let pid: pid_t
        do {
            pid = try spawn.start()
        } catch {
            close(out.write)
            close(err.write)
            throw error
        }
        close(out.write)
        close(err.write)
        let drained = drain(out.read, err.read, limits: limits)
        if drained.exceeded != nil { kill(pid, SIGKILL) }
        let status = try Spawn.wait(pid, arguments[0])
        if let readError = drained.error { throw readError }
        let (code, signal): (Int32, Int32?) =
            switch status {
            case .exited(let code): (code, nil)
            case .signaled(let signal): (-1, signal)
            }
        return Output(
            status: code, signal: signal, stdout: drained.stdout, stderr: drained.stderr, exceeded: drained.exceeded)
    }

    /// Most bytes of standard error kept (the end of it is what explains a failure).
    static let maximumStderr = 64 * 1024

    /// Reads two descriptors until both reach end of file, so neither pipe can fill and block the child; stops
    /// early, saying which, when the time or the output limit is passed.
    private static func drain(
        _ out: Int32, _ err: Int32, limits: Limits
    ) -> (stdout: [UInt8], stderr: [UInt8], exceeded: Exceeded?, error: SystemError?) {
        var collected: [[UInt8]] = [[], []]
        var fds = [out, err].map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let deadline = limits.time.map { MonotonicClock.microseconds() + Self.microseconds($0) }
        while fds.contains(where: { $0.fd >= 0 }) {
            var wait: Int32 = -1
            if let deadline, let time = limits.time {
                let left = deadline - MonotonicClock.microseconds()
                guard left > 0 else { return (collected[0], collected[1], .time(time), nil) }
                wait = Int32(clamping: (left + 999) / 1000)
            }
            do {
                try System.call("poll") { poll(&fds, nfds_t(fds.count), wait) }
            } catch {
                return (collected[0], collected[1], nil, error)
            }
            for slot in fds.indices where fds[slot].fd >= 0 && fds[slot].revents != 0 {
                let fd = fds[slot].fd
                let count = try? System.call("read") {
                    buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                }
                guard let count, count > 0 else {
                    fds[slot].fd = -1  // end of file or a read error: stop polling this one
                    continue
                }
                collected[slot].append(contentsOf: buffer[0..<count])
                if slot == 1, collected[1].count > Self.maximumStderr {
                    collected[1].removeFirst(collected[1].count - Self.maximumStderr)
                }
                if slot == 0, let limit = limits.output, collected[0].count > limit {
                    collected[0].removeLast(collected[0].count - limit)
                    return (collected[0], collected[1], .output(limit), nil)
                }
            }
        }
        return (collected[0], collected[1], nil, nil)
    }

    private static func microseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}
