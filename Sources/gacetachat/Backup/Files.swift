import GacetaSystem
import Glibc

/// The file system calls backups need, failing with a message that names the path and the reason.
enum Files {
    /// `$TMPDIR`, else /tmp.
    static var temporaryRoot: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    static func lastError() -> String { SystemError.describe(errno) }

    /// `path` made absolute against the working directory (unchanged when it already is, or when the working
    /// directory cannot be read).
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let directory = getcwd(nil, 0) else { return path }
        defer { free(directory) }
        let base = String(cString: directory)
        return (base.hasSuffix("/") ? base : base + "/") + path
    }

    /// Runs a program; a failure says what it was for and what the program printed.
    static func run(_ arguments: [String], _ purpose: String) throws(BackupArchive.Failure) {
        do {
            try ProcessRunner.runSucceeding(arguments)
        } catch {
            throw BackupArchive.Failure("cannot \(purpose): \(error)")
        }
    }

    /// A new directory `parent/prefixXXXXXX` (mode 0700).
    static func temporaryDirectory(in parent: String, prefix: String) throws(BackupArchive.Failure) -> String {
        var template = Array("\(parent)/\(prefix)XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard let made else { throw BackupArchive.Failure("cannot create a directory in \(parent): \(lastError())") }
        return String(cString: made)
    }

    /// `rm -rf path`, ignoring failures (for scratch directories).
    static func remove(_ path: String) {
        _ = try? ProcessRunner.run(["rm", "-rf", "--", path])
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The entries of `directory` (without `.` and `..`); empty when it cannot be read.
    static func names(in directory: String) -> [String] {
        Directory.names(in: directory)
    }

    /// The regular files below `directory`, as paths relative to it (`a.pdf`, `2024/b.pdf`), sorted; symbolic
    /// links are not followed; names starting with a dot at the top (`.uploads`) are left out when `skipHidden`.
    static func regularFiles(under directory: String, skipHidden: Bool = false) -> [String] {
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            for name in names(in: relative.isEmpty ? directory : "\(directory)/\(relative)").sorted() {
                if skipHidden && relative.isEmpty && name.hasPrefix(".") { continue }
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                var info = stat()
                guard lstat("\(directory)/\(path)", &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                case S_IFREG: found.append(path)
                default: continue
                }
            }
        }
        return found.sorted()
    }

    static func rename(_ from: String, to destination: String) throws(BackupArchive.Failure) {
        guard Glibc.rename(from, destination) == 0 else {
            throw BackupArchive.Failure("cannot rename \(from) to \(destination): \(lastError())")
        }
    }

    static func write(_ text: String, to path: String) throws(BackupArchive.Failure) {
        guard let file = fopen(path, "w") else { throw BackupArchive.Failure("cannot write \(path): \(lastError())") }
        let written = fputs(text, file)
        guard fclose(file) == 0, written >= 0 else {
            throw BackupArchive.Failure("cannot write \(path): \(lastError())")
        }
    }

    static func read(_ path: String) throws(BackupArchive.Failure) -> String {
        guard let file = fopen(path, "r") else { throw BackupArchive.Failure("cannot read \(path): \(lastError())") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
