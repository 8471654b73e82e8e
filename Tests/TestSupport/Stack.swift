import Foundation

/// An HTTP answer as curl saw it.
public struct HTTPResult: Sendable {
    public let status: Int
    public let headers: [String: String]
    public let body: String

    /// The body's JSON object.
    public func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
            throw TestSupportError("not a JSON object: \(body.prefix(200))")
        }
        return object
    }

    public var errorCode: String? { ((try? json())?["error"] as? [String: Any])?["code"] as? String }
    public var pid: Int32? { ((try? json())?["pid"] as? Int).map(Int32.init) }
}

/// The real thing, end to end: dev certificates, `gacetachat serve` with N workers on a unix socket,
/// and nginx on loopback HTTPS in front of it, all in a temporary directory.
public final class Stack {
    public let directory: String
    public let httpsPort: UInt16
    public let httpPort: UInt16
    public let socketPath: String
    public var caPath: String { "\(directory)/tls/ca.crt" }
    /// `storage.files_dir` of the pool (and of `ingest` run with ``poolEnvironment``).
    public var filesDirectory: String { "\(directory)/files" }
    public var masterLogPath: String { "\(directory)/master.log" }
    public private(set) var master: Process?
    private var nginx: Process?
    private let workers: Int
    /// Variables added to `poolEnvironment` (settable until `start`).
    public var environment: [String: String]
    /// The `gacetachat` executable the pool runs; the build's by default.
    public var executable: String?
    /// More pool sockets for nginx's `gacetachat` upstream (other pools, as other hosts would be).
    public var additionalPoolSockets: [String] = []
    /// Changes the rendered nginx.conf before nginx starts (settable until `start`): raised rate limits.
    public var editNginxConfiguration: ((String) -> String)?

    public init(workers: Int = 3, environment: [String: String] = [:]) throws {
        directory = try Paths.temporaryDirectory("stack")
        httpsPort = try Paths.freePort()
        httpPort = try Paths.freePort()
        socketPath = "\(directory)/pool.sock"
        self.workers = workers
        self.environment = environment
    }

    deinit { stop() }

    /// Starts the pool and nginx; returns when `/health` answers `healthStatus` through nginx (503 when the
    /// pool starts without its database).
    public func start(healthStatus: Int = 200) throws {
        try Shell.run("\(Paths.repository)/tls/make-dev-certs", ["\(directory)/tls"]).expectSuccess("make-dev-certs")
        try startPool()
        try waitForLog("pool ready")
        let rendered = try Shell.run(
            "\(Paths.repository)/scripts/nginx-dev-conf",
            [
                "--rundir", "\(directory)/nginx", "--https-port", "\(httpsPort)", "--http-port", "\(httpPort)",
                "--socket", socketPath, "--cert", "\(directory)/tls/server.crt", "--key", "\(directory)/tls/server.key",
                "--files-dir", filesDirectory,
            ])
        try rendered.expectSuccess("nginx-dev-conf")
        if !additionalPoolSockets.isEmpty {
            let path = "\(directory)/nginx/nginx.conf"
            let line = "server unix:\(socketPath);"
            let servers = ([socketPath] + additionalPoolSockets).map { "server unix:\($0);" }
            let conf = try String(contentsOfFile: path, encoding: .utf8)
            try conf.replacingOccurrences(of: line, with: servers.joined(separator: "\n        "))
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        if let editNginxConfiguration {
            let path = "\(directory)/nginx/nginx.conf"
            try editNginxConfiguration(try String(contentsOfFile: path, encoding: .utf8))
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Shell.resolve("nginx"))
        process.arguments = [
            "-p", "\(directory)/nginx", "-c", "\(directory)/nginx/nginx.conf", "-e", "\(directory)/nginx/error.log",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        nginx = process
        try waitUntil("nginx answers /health with \(healthStatus)") {
            (try? self.get("/health").status) == healthStatus
        }
    }

    /// The environment the pool runs with: the testing profile on our socket.
    public var poolEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GACETACHAT_") }
        env["GACETACHAT_PROFILE"] = "testing"
        env["GACETACHAT_CONFIG"] = "\(Paths.repository)/conf/gacetachat.ini"
        env["GACETACHAT_SERVER_LISTEN"] = "unix:\(socketPath)"
        env["GACETACHAT_POOL_WORKERS"] = "\(workers)"
        env["GACETACHAT_LOG_LEVEL"] = "info"  // the tests read the master's notices
        env["GACETACHAT_DATABASE_URL"] = "sqlite:\(directory)/test.db"
        env["GACETACHAT_STORAGE_FILES_DIR"] = filesDirectory
        if getuid() == 0 { env["GACETACHAT_SERVER_SOCKET_GROUP"] = "www-data" }
        for (key, value) in environment { env[key] = value }
        return env
    }

    private func startPool() throws {
        _ = FileManager.default.createFile(atPath: masterLogPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: masterLogPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable ?? Paths.binary())
        process.arguments = ["serve"]
        process.environment = poolEnvironment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        master = process
    }

    // MARK: - Requests

    /// A request through nginx over HTTPS, verified against the generated CA.
    public func get(_ path: String, _ extra: [String] = []) throws -> HTTPResult {
        try curl(["https://127.0.0.1:\(httpsPort)\(path)"] + extra)
    }

    public func curl(_ arguments: [String]) throws -> HTTPResult {
        let result = try Shell.run(
            "curl", ["-sS", "-i", "--cacert", caPath, "--max-time", "20", "-w", "\n@@%{http_code}"] + arguments)
        guard result.status == 0, let marker = result.stdout.range(of: "\n@@", options: .backwards) else {
            throw TestSupportError("curl \(arguments) failed (\(result.status)): \(result.stderr)")
        }
        let status = Int(result.stdout[marker.upperBound...]) ?? 0
        let response = String(result.stdout[..<marker.lowerBound])
        // With -i and redirects or 100-continue there can be several header blocks; keep the last.
        var remainder = Substring(response)
        var headerBlock = Substring("")
        while remainder.hasPrefix("HTTP/"), let end = remainder.range(of: "\r\n\r\n") {
            headerBlock = remainder[..<end.lowerBound]
            remainder = remainder[end.upperBound...]
        }
        var headers: [String: String] = [:]
        for line in headerBlock.split(separator: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return HTTPResult(status: status, headers: headers, body: String(remainder))
    }

    // MARK: - Processes

    /// Pids of the master's children (the workers), from /proc.
    public func workerPids() -> Set<Int32> {
        guard let master else { return [] }
        return Self.children(of: master.processIdentifier)
    }

    public static func children(of parent: Int32) -> Set<Int32> {
        var pids: Set<Int32> = []
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.range(of: ")", options: .backwards)
            else { continue }
            let fields = stat[close.upperBound...].split(separator: " ")
            // fields[0] is the state; a zombie already exited.
            if fields.count > 2, Int32(fields[1]) == parent, fields[0] != "Z" { pids.insert(pid) }
        }
        return pids
    }

    public func signalMaster(_ signal: Int32) {
        if let master { kill(master.processIdentifier, signal) }
    }

    public func masterLog() -> String {
        (try? String(contentsOfFile: masterLogPath, encoding: .utf8)) ?? ""
    }

    public func waitForLog(_ text: String, count: Int = 1, timeout: Double = 30) throws {
        try waitUntil("'\(text)' in the master log", timeout: timeout) {
            self.masterLog().components(separatedBy: text).count - 1 >= count
        }
        if !(master?.isRunning ?? false) && !masterLog().contains(text) {
            throw TestSupportError("the master exited:\n\(masterLog())")
        }
    }

    /// Waits for the master to exit; returns its exit status.
    public func waitForMasterExit(timeout: Double = 30) throws -> Int32 {
        guard let master else { throw TestSupportError("no master") }
        try waitUntil("the master exits", timeout: timeout) { !master.isRunning }
        return master.terminationStatus
    }

    public func stop() {
        if let master, master.isRunning {
            kill(master.processIdentifier, SIGTERM)
            _ = try? waitUntil("master stops", timeout: 15) { !master.isRunning }
        }
        if let nginx, nginx.isRunning {
            kill(nginx.processIdentifier, SIGQUIT)
            _ = try? waitUntil("nginx stops", timeout: 15) { !nginx.isRunning }
        }
        nginx = nil
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Polls `condition` every 50 ms until it holds or `timeout` seconds pass.
public func waitUntil(_ what: String, timeout: Double = 30, _ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return }
        usleep(50_000)
    }
    throw TestSupportError("timed out waiting for \(what)")
}

extension CommandResult {
    public func expectSuccess(_ what: String) throws {
        guard status == 0 else { throw TestSupportError("\(what) failed with \(status):\n\(output)") }
    }
}
