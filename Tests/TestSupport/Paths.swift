import Foundation

/// Where the repository, the built binary and scratch directories are.
public enum Paths {
    /// The repository root, found from this file's location.
    public static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The `gacetachat` binary built beside the test bundle (or `$GACETACHAT_BIN`).
    public static func binary() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["GACETACHAT_BIN"] { return explicit }
        let bundle = URL(
            fileURLWithPath: try String(contentsOfFile: "/proc/self/cmdline", encoding: .utf8)
                .split(separator: "\0").first.map(String.init) ?? "")
        let candidates = [
            bundle.deletingLastPathComponent().appendingPathComponent("gacetachat").path,
            Bundle.main.bundleURL.appendingPathComponent("gacetachat").path,
            "\(repository)/.build/debug/gacetachat",
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TestSupportError("gacetachat is not built; run 'swift build' first (looked in \(candidates))")
        }
        return found
    }

    /// A fresh directory under /tmp, short enough for unix socket paths.
    public static func temporaryDirectory(_ prefix: String) throws -> String {
        var template = Array("/tmp/gc-\(prefix)-XXXXXX".utf8CString)
        guard let path = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TestSupportError("mkdtemp failed")
        }
        let directory = String(cString: path)
        chmod(directory, 0o755)  // nginx workers (www-data) must reach the socket inside
        return directory
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago.
    public static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw TestSupportError("no free port") }
        return UInt16(bigEndian: address.sin_port)
    }
}

extension Paths {
    /// The environment for a `gacetachat` run outside `Stack`: this process's variables without any
    /// `GACETACHAT_*`, plus the testing profile, the repository's INI and a database in `directory`.
    public static func testingEnvironment(directory: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GACETACHAT_") }
        environment["GACETACHAT_PROFILE"] = "testing"
        environment["GACETACHAT_CONFIG"] = "\(repository)/conf/gacetachat.ini"
        environment["GACETACHAT_DATABASE_URL"] = "sqlite:\(directory)/test.db"
        return environment
    }
}
