import Glibc

/// One flag per signal the master answers; handlers only set them.
nonisolated(unsafe) private let pendingSignals: UnsafeMutablePointer<sig_atomic_t> = {
    let flags = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 65)
    flags.initialize(repeating: 0, count: 65)
    return flags
}()

/// Signal plumbing of the master: handlers set flags; the signals stay blocked except while the
/// loop waits in `poll`, so they are handled between iterations, never in the middle of one.
enum MasterSignals {
    static let handled: [Int32] = [SIGCHLD, SIGTERM, SIGINT, SIGQUIT, SIGHUP, SIGTTIN, SIGTTOU, SIGUSR1]

    nonisolated(unsafe) private static var mask = sigset_t()

    static func install() {
        for index in 0..<65 { pendingSignals[index] = 0 }
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signal in handled {
            sigaddset(&blocked, signal)
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in pendingSignals[Int(number)] = 1 }
            sigemptyset(&action.sa_mask)
            action.sa_flags = signal == SIGCHLD ? SA_NOCLDSTOP : 0
            sigaction(signal, &action, nil)
        }
        signal(SIGPIPE, SIG_IGN)
        mask = blocked
        block()
    }

    static func block() { sigprocmask(SIG_BLOCK, &mask, nil) }

    static func unblock() { sigprocmask(SIG_UNBLOCK, &mask, nil) }

    /// The signals received since the last call, cleared.
    static func take() -> [Int32] {
        var received: [Int32] = []
        for signal in handled where pendingSignals[Int(signal)] != 0 {
            pendingSignals[Int(signal)] = 0
            received.append(signal)
        }
        return received
    }
}
