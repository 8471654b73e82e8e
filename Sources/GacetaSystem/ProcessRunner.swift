import Glibc

/// Runs a program with `posix_spawnp` (never `fork`), reading its stdout and stderr fully while it runs.
/// Public for the CLI's other helpers (`pg_dump`, `tar`).
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

    /// Runs `arguments[0]` (looked up in `PATH`) with stdin closed to /dev/null.
    public static func run(_ arguments: [String]) throws(Failure) -> Output {
        guard let program = arguments.first else { throw .system("nothing to run") }
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard makePipe(&outPipe) else { throw .system("pipe: \(SystemCall.describe(errno))") }
        guard makePipe(&errPipe) else {
            let code = errno
            close(outPipe[0])
            close(outPipe[1])
            throw .system("pipe: \(SystemCall.describe(code))")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawnResult = posix_spawnp(&pid, program, &actions, nil, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard spawnResult == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            if spawnResult == ENOENT { throw .notFound(program) }
            throw .system("cannot spawn \(program): \(SystemCall.describe(spawnResult))")
        }

        let (stdout, stderr, readError) = drain(outPipe[0], errPipe[0])
        close(outPipe[0])
        close(errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw .system("waitpid \(program): \(SystemCall.describe(errno))") }
        }
        if let readError { throw .system("reading output of \(program): \(readError)") }
        // WIFEXITED / WTERMSIG are macros Swift cannot import.
        let termination = status & 0x7f
        if termination == 0 {
            return Output(status: (status >> 8) & 0xff, signal: nil, stdout: stdout, stderr: stderr)
        }
        return Output(status: -1, signal: termination, stdout: stdout, stderr: stderr)
    }

    /// `pipe(2)` with both ends close-on-exec, so other children never inherit them (dup2 clears the flag).
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return true
    }

    /// Reads two descriptors until both reach end of file, so neither pipe can fill and block the child.
    private static func drain(_ out: Int32, _ err: Int32) -> ([UInt8], [UInt8], Errno?) {
        var collected: [[UInt8]] = [[], []]
        var fds = [out, err].map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while fds.contains(where: { $0.fd >= 0 }) {
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return (collected[0], collected[1], Errno(call: "poll", code: errno))
            }
            for slot in fds.indices where fds[slot].fd >= 0 && fds[slot].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fds[slot].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    collected[slot].append(contentsOf: buffer[0..<count])
                } else if count == 0 || errno != EINTR {
                    fds[slot].fd = -1  // end of file or a read error: stop polling this one
                }
            }
        }
        return (collected[0], collected[1], nil)
    }
}
