import Glibc

/// A stop asked for by SIGINT or SIGTERM: the download in progress is abandoned (its temporary file removed) and
/// the run ends after recording what it finished.
public enum Interruption {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    public static var requested: Bool { flag != 0 }

    /// Installs handlers that only set the flag, and unblocks both signals (a parent may have started this process
    /// with them blocked, as threads of libdispatch do: the stop would then wait for the end of the run).
    public static func install() {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in Interruption.flag = 1 }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
            sigaddset(&unblock, signalNumber)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}
