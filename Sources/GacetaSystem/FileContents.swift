import Glibc

/// Whole-file reads with open/read (worker processes do not link Foundation).
public enum FileContents {
    /// Every byte of the file at `path`.
    public static func read(_ path: String) throws(SystemError) -> [UInt8] {
        let fd = try System.call("open", path) { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(fd) }
        return try readAll(fd, path)
    }

    /// The file's contents decoded as UTF-8 (invalid bytes become U+FFFD).
    public static func readText(_ path: String) throws(SystemError) -> String {
        String(decoding: try read(path), as: UTF8.self)
    }

    /// Reads from a descriptor until end of file.
    public static func readAll(_ fd: Int32, _ context: @autoclosure () -> String = "") throws(SystemError) -> [UInt8] {
        var bytes: [UInt8] = []
        try readChunks(fd, context()) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Reads from a descriptor until end of file, handing each piece to `body` (for digests of large files).
    public static func readChunks(
        _ fd: Int32, _ context: @autoclosure () -> String = "", chunkSize: Int = 64 * 1024,
        _ body: (UnsafeRawBufferPointer) -> Void
    ) throws(SystemError) {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = try System.call("read", context()) {
                buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            }
            if count == 0 { return }
            buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }

    /// `stat(2)` following symlinks.
    public static func status(of path: String) throws(SystemError) -> stat {
        var info = stat()
        try System.call("stat", path) { stat(path, &info) }
        return info
    }

    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// True when `path` is a file this process may execute.
    public static func isExecutable(_ path: String) -> Bool {
        access(path, X_OK) == 0
    }
}
