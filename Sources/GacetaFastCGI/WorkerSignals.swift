import Glibc

/// Set by the QUIT handler; read by the accept loop. Touched before the handler is installed.
nonisolated(unsafe) private var gracefulStopRequested: sig_atomic_t = 0
/// Set by the USR1 handler: reopen the log file between requests.
nonisolated(unsafe) private var reopenLogsRequested: sig_atomic_t = 0

/// Signal handling of a worker process.
///
/// QUIT asks for a graceful stop: it stays blocked while a request is served and is only delivered inside
/// `epoll_pwait`, so an idle worker leaves at once and a busy one finishes its response first.
/// TERM and INT keep their default action (immediate exit); PIPE is ignored (the client went away);
/// HUP belongs to the master; USR1 (reopen the log file) is handled between requests like QUIT. Call after
/// `FCGX_Init`, which installs its own TERM and USR1
/// handlers that would otherwise leave a worker blocked in `epoll_pwait` on TERM.
enum WorkerSignals {
    /// The mask to wait with: nothing blocked.
    nonisolated(unsafe) static var waitMask = sigset_t()

    static var stopRequested: Bool { gracefulStopRequested != 0 }

    /// True once per USR1 received.
    static func takeReopenRequest() -> Bool {
        guard reopenLogsRequested != 0 else { return false }
        reopenLogsRequested = 0
        return true
    }

    static func install() {
        gracefulStopRequested = 0
        reopenLogsRequested = 0
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in gracefulStopRequested = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: the wait returns, interrupted
        sigaction(SIGQUIT, &action, nil)
        var reopen = sigaction()
        reopen.__sigaction_handler.sa_handler = { _ in reopenLogsRequested = 1 }
        sigemptyset(&reopen.sa_mask)
        reopen.sa_flags = 0
        sigaction(SIGUSR1, &reopen, nil)
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
        signal(SIGPIPE, SIG_IGN)
        signal(SIGHUP, SIG_IGN)

        // Exactly QUIT and USR1 blocked, whatever mask the process inherited: a launcher that ran us with
        // TERM blocked (a test runner's thread, a shell) would otherwise leave TERM blocked even in the wait.
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGQUIT)
        sigaddset(&blocked, SIGUSR1)
        sigprocmask(SIG_SETMASK, &blocked, nil)
        sigemptyset(&waitMask)
    }
}
