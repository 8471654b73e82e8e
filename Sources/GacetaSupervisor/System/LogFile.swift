import GacetaSystem
import Glibc

/// `log.file`: standard error (where every log line goes, the master's and the workers') pointed at a file
/// opened for appending. Reopening after logrotate moved it is USR1's job, as in nginx.
public enum LogFile {
    public static func redirectStandardError(to path: String) throws(SystemError) {
        let fd = try System.call("open", path) { open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640) }
        defer { close(fd) }
        try System.call("dup2", path) { dup2(fd, STDERR_FILENO) }
    }
}
