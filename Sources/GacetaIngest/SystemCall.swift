import Glibc

/// Thin wrappers for the system calls ingestion needs: retry `EINTR`, report errno with the call's name.
enum SystemCall {
    /// The message for an errno value, e.g. "No such file or directory".
    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }

    /// `stat(2)` following symlinks; nil with errno when it fails.
    static func status(of path: String) -> Result<stat, Errno> {
        var info = stat()
        while true {
            if stat(path, &info) == 0 { return .success(info) }
            if errno != EINTR { return .failure(Errno(call: "stat", code: errno)) }
        }
    }

    /// Reads a whole file with open/read.
    static func readFile(_ path: String) throws(IngestError) -> [UInt8] {
        var fd: Int32
        repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            throw IngestError(path: path, message: "cannot open file: \(describe(errno))")
        }
        defer { close(fd) }
        do {
            return try readAll(fd)
        } catch {
            throw IngestError(path: path, message: "cannot read file: \(error)")
        }
    }

    /// Reads from a descriptor until end of file.
    static func readAll(_ fd: Int32) throws(Errno) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw Errno(call: "read", code: errno)
            }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    /// Decodes UTF-8 (invalid bytes become U+FFFD) and drops a byte-order mark.
    static func decodeUTF8(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}

/// A failed system call: its name and errno.
struct Errno: Error, CustomStringConvertible {
    let call: String
    let code: Int32

    var description: String { "\(call): \(SystemCall.describe(code))" }
}
