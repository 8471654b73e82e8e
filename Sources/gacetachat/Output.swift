import Glibc

/// Writes a message to standard error (the journal, under systemd), newline-terminated.
func printError(_ message: String) {
    let line = message.hasSuffix("\n") ? message : message + "\n"
    var remaining = Array(line.utf8)[...]
    while !remaining.isEmpty {
        let written = remaining.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        remaining = remaining.dropFirst(written)
    }
}
