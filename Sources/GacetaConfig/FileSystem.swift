#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file operations the loader needs, on plain system calls so that worker processes do not link
/// Foundation.
enum FileSystem {
    /// A failed system call, with the reason as `strerror` words it ("No such file or directory").
    struct Failure: Error, Equatable {
        let reason: String
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The file's contents decoded as UTF-8 (invalid bytes become U+FFFD).
    static func readText(_ path: String) -> Result<String, Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(lastFailure()) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(lastFailure())
            }
            if count == 0 { break }
            bytes += buffer[..<count]
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// `path` if absolute, otherwise `path` inside `directory`.
    static func resolve(_ path: String, in directory: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty {
            return path
        }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    private static func lastFailure() -> Failure {
        let code = errno
        guard let message = strerror(code) else { return Failure(reason: "error \(code)") }
        return Failure(reason: String(cString: message))
    }
}
