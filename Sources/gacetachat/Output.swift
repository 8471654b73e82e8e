import GacetaSystem
import Glibc

/// Writes a message to standard error (the journal, under systemd), newline-terminated.
func printError(_ message: String) {
    System.printError(message.hasSuffix("\n") ? message : message + "\n")
}
