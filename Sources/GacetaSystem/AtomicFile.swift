import Glibc

/// Writes a file so that a reader sees either the old contents or the new, never half of them, even across a crash:
/// a temporary file beside it is written, fsynced, renamed over the target, and the directory is fsynced.
public enum AtomicFile {
    /// Writes what `body` writes (through the descriptor it receives) to `path` with `mode`. When `body` throws, or
    /// anything fails before the rename, the temporary file is removed and the old file stays as it was.
    public static func write(
        to path: String, mode: mode_t = 0o644, _ body: (_ fd: Int32) throws -> Void
    ) throws {
        let directory = parentDirectory(of: path)
        let temporary = "\(directory)/.\(baseName(of: path)).tmp.\(getpid())"
        let fd = try System.call("open", temporary) {
            open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        }
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            try System.call("fchmod", temporary) { fchmod(fd, mode) }  // whatever the umask
            try body(fd)
            try System.call("fsync", temporary) { fsync(fd) }
        }
        try System.call("rename", "\(temporary) to \(path)") { rename(temporary, path) }
        renamed = true
        try syncDirectory(directory)
    }

    /// Writes `bytes` to `path` atomically.
    public static func write<Bytes: Collection<UInt8>>(_ bytes: Bytes, to path: String, mode: mode_t = 0o644) throws {
        try write(to: path, mode: mode) { fd in try System.writeAll(fd, bytes, path) }
    }

    /// Copies the file at `source` to `destination` atomically.
    public static func copy(_ source: String, to destination: String, mode: mode_t = 0o644) throws {
        let input = try System.call("open", source) { open(source, O_RDONLY | O_CLOEXEC) }
        defer { close(input) }
        try write(to: destination, mode: mode) { output in
            var failure: SystemError?
            try FileContents.readChunks(input, source, chunkSize: 256 * 1024) { chunk in
                guard failure == nil else { return }
                do throws(SystemError) {
                    try System.writeAll(output, chunk, destination)
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
        }
    }

    /// Makes `destination` a second name of the file `source` (a hard link: one copy on disk, whole from the first
    /// moment) and syncs its directory. Returns false when the two cannot share the file (another file system,
    /// or links refused there), so that the caller copies instead; throws for any other failure, `EEXIST` included.
    public static func link(_ source: String, to destination: String) throws(SystemError) -> Bool {
        do {
            try System.call("link", "\(source) to \(destination)") { Glibc.link(source, destination) }
        } catch let error where [EXDEV, EPERM, EMLINK].contains(error.errno) {
            return false
        }
        try syncDirectory(parentDirectory(of: destination))
        return true
    }

    /// fsync of a directory, so a rename in it survives a crash.
    public static func syncDirectory(_ directory: String) throws(SystemError) {
        let fd = try System.call("open", directory) { open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { close(fd) }
        try System.call("fsync", directory) { fsync(fd) }
    }

    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
