/// How a child process ended, as `waitpid` reports it.
public enum ExitStatus: Sendable, Equatable, CustomStringConvertible {
    case exited(code: Int32)
    case signaled(signal: Int32)

    /// Decodes a `waitpid` status (WIFEXITED and WTERMSIG are macros Swift cannot import).
    public init(waitStatus status: Int32) {
        let termination = status & 0x7f
        self = termination == 0 ? .exited(code: (status >> 8) & 0xff) : .signaled(signal: termination)
    }

    public var description: String {
        switch self {
        case .exited(let code): "exited with code \(code)"
        case .signaled(let signal): "exited on signal \(signal) (\(SignalName.of(signal)))"
        }
    }
}

/// The usual name of a signal number, for log lines.
public enum SignalName {
    public static func of(_ signal: Int32) -> String {
        switch signal {
        case 1: "SIGHUP"
        case 2: "SIGINT"
        case 3: "SIGQUIT"
        case 6: "SIGABRT"
        case 9: "SIGKILL"
        case 11: "SIGSEGV"
        case 15: "SIGTERM"
        case 4: "SIGILL"
        case 5: "SIGTRAP"
        case 7: "SIGBUS"
        case 8: "SIGFPE"
        default: "signal \(signal)"
        }
    }
}
