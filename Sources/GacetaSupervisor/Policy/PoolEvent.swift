import GacetaSystem

/// The signals the master answers, by meaning.
public enum PoolSignal: Sendable, Equatable {
    /// TERM or INT: stop now.
    case fastStop
    /// QUIT: stop after the requests in flight.
    case gracefulStop
    /// HUP: re-read the configuration and replace every worker, new ones first.
    case reload
    /// TTIN / TTOU: one worker more or fewer.
    case grow, shrink
    /// USR1: reopen log files.
    case reopenLogs
}

/// What happened, fed to `PoolPolicy` by the master's loop (or by a test).
public enum PoolEvent: Sendable, Equatable {
    case start
    case spawned(pid: Int32, generation: Int)
    case spawnFailed(generation: Int, message: String)
    case ready(pid: Int32)
    case exited(pid: Int32, status: ExitStatus)
    case signal(PoolSignal)
    /// The result of a `.reloadConfiguration` action: the new sizing, or why the file was refused.
    case configurationReloaded(PoolSizing)
    case configurationRejected(message: String)
    /// A request has run past `request_slowlog_timeout` (reported once per request).
    case requestSlow(pid: Int32, request: String)
    /// A request has run past `request_terminate_timeout`: its worker must go.
    case requestTimedOut(pid: Int32, request: String)
    /// The scoreboard read at a tick: idle workers, and whether a connection waits (dynamic and ondemand).
    case occupancy(PoolOccupancy)
    case tick
}

/// What the policy wants done; the master's thin system layer performs it.
public enum PoolAction: Sendable, Equatable {
    case spawn(generation: Int)
    case signal(pid: Int32, WorkerSignal)
    case reloadConfiguration
    case reopenLogs
    case log(PoolLogLevel, String)
    /// A systemd notification (`READY=1`, `RELOADING=1`, `STOPPING=1`, `STATUS=…`); ignored without systemd.
    case notify(String)
    /// Stop the master: remove the socket and exit with this code.
    case exit(code: Int32)
}

public enum WorkerSignal: Sendable, Equatable {
    case quit, term, kill
    /// USR1: reopen the log file.
    case reopenLogs
}

public enum PoolLogLevel: Sendable, Equatable {
    case debug, info, notice, warning, error
}
