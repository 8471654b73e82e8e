/// Everything the master and its workers agree on, in one place: where a worker finds its descriptors, the
/// environment that announces them, the line that says it is ready, and what its exit codes mean.
public enum WorkerContract {
    /// The listening FastCGI socket (`FCGI_LISTENSOCK_FILENO`, the convention spawn-fcgi also uses).
    public static let listenDescriptor: Int32 = 0
    /// The write end of the master's readiness pipe.
    public static let readyDescriptor: Int32 = 3
    /// The shared-memory scoreboard.
    public static let scoreboardDescriptor: Int32 = 4

    /// Announces `readyDescriptor` (absent under spawn-fcgi: nobody is told).
    public static let readyDescriptorVariable = "GACETACHAT_READY_FD"
    /// Announces `scoreboardDescriptor`.
    public static let scoreboardDescriptorVariable = "GACETACHAT_SCOREBOARD_FD"
    /// The worker's row in the scoreboard.
    public static let scoreboardSlotVariable = "GACETACHAT_SCOREBOARD_SLOT"

    /// The variables of the master's environment a worker must not inherit: the systemd socket belongs to the
    /// master (a worker finds its socket on fd 0), and only the master talks to systemd.
    public static let masterOnlyVariables = [
        "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID",
    ]

    /// The line a worker writes on `readyDescriptor` once it can serve.
    public static func readyLine(pid: Int32) -> String { "ready \(pid)\n" }

    /// The pid in a `readyLine` (without its newline); nil for anything else.
    public static func parseReadyLine(_ line: String) -> Int32? {
        let parts = line.split(separator: " ")
        guard parts.count == 2, parts[0] == "ready" else { return nil }
        return Int32(parts[1])
    }
}

/// How a worker's exit code explains its end to the master.
public enum WorkerExitCode {
    /// It served its `pm.max_requests`.
    public static let recycled: Int32 = 0
    /// Its resident memory passed `pool.max_worker_memory` (EX_TEMPFAIL).
    public static let memoryLimit: Int32 = 75
    /// Its configuration or database cannot work (EX_CONFIG): the master stops instead of respawning.
    public static let configuration: Int32 = 78
}
