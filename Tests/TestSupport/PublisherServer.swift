import Foundation

/// The publisher as fetch sees it: real nginx serving a `pub/YYYY/MM/DD/` tree over HTTP, with a folder listing
/// (autoindex) except where a test turns it off, `limit_rate` for a slow file, and a small stateful helper behind
/// it only for what nginx cannot do (a 500 that succeeds on the next try).
public final class PublisherServer {
    public let directory: String
    public private(set) var port: UInt16
    public var root: String { "\(directory)/site" }
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    public var accessLog: String { "\(directory)/nginx/access.log" }
    private var nginx: Process?
    private var helper: Process?
    private let helperPort: UInt16

    public init() throws {
        directory = try Paths.temporaryDirectory("publisher")
        port = try Paths.freePort()
        helperPort = try Paths.freePort()
        try FileManager.default.createDirectory(atPath: "\(directory)/nginx", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(root)/pub", withIntermediateDirectories: true)
    }

    deinit { stop() }

    /// `pub/2024/07/15/NAME` on disk (its folders 0755, readable by nginx's workers).
    @discardableResult
    public func put(_ data: Data, date: String, name: String) throws -> String {
        let folder = "\(root)/pub/\(date.replacingOccurrences(of: "-", with: "/"))"
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let path = "\(folder)/\(name)"
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Starts nginx: `unlisted` dates answer 403 for their folder, `slow` paths are sent at 1 KB/s, and `flaky`
    /// paths go to the helper, which answers 500 to the first request for each and the file to the next ones.
    public func start(unlisted: [String] = [], slow: [String] = [], flaky: [String] = []) throws {
        if !flaky.isEmpty { try startHelper() }
        // The port was free when chosen, but another test may bind it before nginx does: then nginx exits, and
        // the server starts again on another port (what fetch is pointed at is read from `baseURL` afterwards).
        for attempt in 1...3 {
            try writeConfiguration(unlisted: unlisted, slow: slow, flaky: flaky)
            let launched = try Self.launch(
                "nginx",
                [
                    "-p", "\(directory)/nginx", "-c", "\(directory)/nginx/nginx.conf", "-e",
                    "\(directory)/nginx/error.log",
                ])
            nginx = launched
            try waitUntil("the publisher's nginx answers or exits") {
                !launched.isRunning
                    || (try? Shell.run("curl", ["-s", "-o", "/dev/null", "\(baseURL)/pub/"]).status) == 0
            }
            if launched.isRunning { return }
            let errors = (try? String(contentsOfFile: "\(directory)/nginx/error.log", encoding: .utf8)) ?? ""
            guard errors.contains("Address already in use"), attempt < 3 else {
                throw TestSupportError("the publisher's nginx exited: \(errors)")
            }
            port = try Paths.freePort()
        }
    }

    private func writeConfiguration(unlisted: [String], slow: [String], flaky: [String]) throws {
        var locations = ""
        for date in unlisted {
            locations += "location = /pub/\(date.replacingOccurrences(of: "-", with: "/"))/ { autoindex off; }\n"
        }
        for path in slow { locations += "location = \(path) { limit_rate 1k; }\n" }
        for path in flaky { locations += "location = \(path) { proxy_pass http://127.0.0.1:\(helperPort); }\n" }
        let user = getuid() == 0 ? "user root;" : ""
        let configuration = """
            \(user)
            worker_processes 1;
            daemon off;
            pid \(directory)/nginx/nginx.pid;
            events { worker_connections 64; }
            http {
                types { application/pdf pdf; text/html html; }
                default_type application/octet-stream;
                access_log \(accessLog);
                client_body_temp_path \(directory)/nginx/body;
                proxy_temp_path \(directory)/nginx/proxy;
                fastcgi_temp_path \(directory)/nginx/fastcgi;
                uwsgi_temp_path \(directory)/nginx/uwsgi;
                scgi_temp_path \(directory)/nginx/scgi;
                server {
                    listen 127.0.0.1:\(port);
                    root \(root);
                    location /pub/ { autoindex on; }
                    \(locations)
                }
            }
            """
        try configuration.write(toFile: "\(directory)/nginx/nginx.conf", atomically: true, encoding: .utf8)
    }

    /// Requests the helper answered, by path (each 500 and each success).
    public func helperRequests() throws -> [String] {
        let log = "\(directory)/helper.log"
        guard FileManager.default.fileExists(atPath: log) else { return [] }
        return try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Lines of nginx's access log that asked for `name`.
    public func requests(for name: String) throws -> Int {
        let text = (try? String(contentsOfFile: accessLog, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.contains("GET ") && $0.contains(name) }.count
    }

    private func startHelper() throws {
        let script = """
            import http.server, os, signal, sys
            # The test process starts us with most signals blocked (its threads block them), and a blocked SIGTERM
            # would leave this server running after the test: unblock them all.
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
            root, log = sys.argv[2], sys.argv[3]
            seen = set()
            class Handler(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    first = self.path not in seen
                    seen.add(self.path)
                    with open(log, "a") as f:
                        f.write(("500 " if first else "200 ") + self.path + "\\n")
                    if first:
                        self.send_response(500)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    with open(root + self.path, "rb") as f:
                        body = f.read()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/pdf")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                def log_message(self, *args):
                    pass
            http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
            """
        try script.write(toFile: "\(directory)/helper.py", atomically: true, encoding: .utf8)
        helper = try Self.launch(
            "python3", ["\(directory)/helper.py", "\(helperPort)", root, "\(directory)/helper.log"])
        try waitUntil("the helper listens") {
            (try? Shell.run("curl", ["-s", "-o", "/dev/null", "http://127.0.0.1:\(helperPort)/"]).status) == 0
        }
        try? FileManager.default.removeItem(atPath: "\(directory)/helper.log")
    }

    private static func launch(_ program: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Shell.resolve(program))
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    public func stop() {
        for process in [nginx, helper].compactMap({ $0 }) where process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            _ = try? waitUntil("the publisher's processes stop", timeout: 15) { !process.isRunning }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        nginx = nil
        helper = nil
        try? FileManager.default.removeItem(atPath: directory)
    }
}
