import Glibc

/// Runs a program through `Spawn` (looked up in `PATH`), reading its stdout and stderr fully while it runs.
public enum ProcessRunner {
    /// What a finished program left behind.
    public struct Output: Sendable {
        public var status: Int32
        public var signal: Int32?
        public var stdout: [UInt8]
        public var stderr: [UInt8]

        public var succeeded: Bool { status == 0 && signal == nil }
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

    /// Runs `arguments[0]` (looked up in `PATH`) with stdin on /dev/null, with the minimal environment plus
    /// `environment`.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws(Failure) -> Output {
        guard let program = arguments.first else { throw .system("nothing to run") }
        do {
            return try collect(arguments, environment: environment)
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
    public static func runSucceeding(_ arguments: [String], environment: [String: String] = [:]) throws(Failure)
        -> Output
    {
        let output = try run(arguments, environment: environment)
        guard output.succeeded else {
            let message = String(decoding: output.stderr, as: UTF8.self).split(separator: "\n").suffix(5)
                .joined(separator: "; ")
            let how = output.signal.map { "was killed by signal \($0)" } ?? "exited with \(output.status)"
            throw .system("\(arguments[0]) \(how): \(message)")
        }
        return output
    }

    private static func collect(_ arguments: [String], environment: [String: String]) throws(SystemError) -> Output {
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
        let spawn = Spawn(
            arguments[0], arguments: Array(arguments.dropFirst()), environment: environment,
            descriptors: [0: input, 1: out.write, 2: err.write], searchPath: true)
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
        let (stdout, stderr, readError) = drain(out.read, err.read)
        let status = try Spawn.wait(pid, arguments[0])
        if let readError { throw readError }
        switch status {
        case .exited(let code): return Output(status: code, signal: nil, stdout: stdout, stderr: stderr)
        case .signaled(let signal): return Output(status: -1, signal: signal, stdout: stdout, stderr: stderr)
        }
    }

    /// Reads two descriptors until both reach end of file, so neither pipe can fill and block the child.
    private static func drain(_ out: Int32, _ err: Int32) -> ([UInt8], [UInt8], SystemError?) {
        var collected: [[UInt8]] = [[], []]
        var fds = [out, err].map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while fds.contains(where: { $0.fd >= 0 }) {
            do {
                try System.call("poll") { poll(&fds, nfds_t(fds.count), -1) }
            } catch {
                return (collected[0], collected[1], error)
            }
            for slot in fds.indices where fds[slot].fd >= 0 && fds[slot].revents != 0 {
                let fd = fds[slot].fd
                let count = try? System.call("read") {
                    buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                }
                if let count, count > 0 {
                    collected[slot].append(contentsOf: buffer[0..<count])
                } else {
                    fds[slot].fd = -1  // end of file or a read error: stop polling this one
                }
            }
        }
        return (collected[0], collected[1], nil)
    }
}
