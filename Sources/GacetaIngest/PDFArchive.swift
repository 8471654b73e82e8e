import GacetaCore
import Glibc

/// The kept copies of ingested PDFs (`storage.files_dir`), laid out by ``StoredFile``: each file is written under a
/// temporary name and renamed into place, so a reader (nginx) never sees half a file, and a file already there is
/// left alone.
public struct PDFArchive: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Keeps a copy of the PDF at `path` whose SHA-256 is `sha256`; returns false when it was already kept.
    @discardableResult
    public func keep(path: String, sha256: String) throws(IngestError) -> Bool {
        guard let relative = StoredFile.relativePath(sha256: sha256) else {
            throw IngestError(path: path, message: "'\(sha256)' is not a SHA-256 in hex; the PDF was not kept")
        }
        let destination = "\(directory)/\(relative)"
        if case .success = SystemCall.status(of: destination) { return false }
        do {
            try Self.makeDirectory(directory)
            try Self.makeDirectory("\(directory)/\(relative.prefix(2))")
            try Self.copy(path, to: destination)
        } catch {
            throw IngestError(path: path, message: "cannot keep a copy in \(directory) (storage.files_dir): \(error)")
        }
        return true
    }

    /// `mkdir -p` for the last component only (the parent must exist), readable by nginx's user.
    private static func makeDirectory(_ path: String) throws(Errno) {
        if mkdir(path, 0o755) == 0 {
            chmod(path, 0o755)  // whatever the umask: nginx (www-data) reads from here
            return
        }
        if errno == EEXIST { return }
        if errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectory(String(path[..<slash]))
            return try makeDirectory(path)
        }
        throw Errno(call: "mkdir \(path)", code: errno)
    }

    /// Writes `source` to `destination.tmp.PID`, syncs it and renames it over `destination`.
    private static func copy(_ source: String, to destination: String) throws(Errno) {
        var input: Int32
        repeat { input = open(source, O_RDONLY | O_CLOEXEC) } while input < 0 && errno == EINTR
        guard input >= 0 else { throw Errno(call: "open \(source)", code: errno) }
        defer { close(input) }
        let temporary = "\(destination).tmp.\(getpid())"
        var output: Int32
        repeat {
            output = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        } while output < 0 && errno == EINTR
        guard output >= 0 else { throw Errno(call: "open \(temporary)", code: errno) }
        var written = false
        defer {
            close(output)
            if !written { unlink(temporary) }
        }
        fchmod(output, 0o644)
        var buffer = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw Errno(call: "read \(source)", code: errno)
            }
            var offset = 0
            while offset < count {
                let done = buffer.withUnsafeBytes {
                    write(output, UnsafeRawBufferPointer(rebasing: $0[offset..<count]).baseAddress, count - offset)
                }
                if done < 0 {
                    if errno == EINTR { continue }
                    throw Errno(call: "write \(temporary)", code: errno)
                }
                offset += done
            }
        }
        guard fsync(output) == 0 else { throw Errno(call: "fsync \(temporary)", code: errno) }
        guard rename(temporary, destination) == 0 else { throw Errno(call: "rename \(temporary)", code: errno) }
        written = true
    }
}
