import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// What systemd sees of the master, and workers replaced after `pool.max_requests`.
    @Suite struct SystemdAndRecyclingTests {
        @Test func notificationsArriveOnTheNotifySocket() throws {
            let directory = try Paths.temporaryDirectory("notify")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let notify = try NotifySocket(directory: directory)
            let stack = try Stack(workers: 2, environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "400000"])
            defer { stack.stop() }
            try stack.start()
            var messages: [String] = []
            try waitUntil("READY=1") {
                messages += notify.drain()
                return messages.contains { $0.hasPrefix("READY=1") }
            }
            try waitUntil("the watchdog keep-alive") {
                messages += notify.drain()
                return messages.contains("WATCHDOG=1")
            }
            stack.signalMaster(SIGHUP)
            try stack.waitForLog("reload complete")
            try waitUntil("RELOADING then READY again") {
                messages += notify.drain()
                guard let reloading = messages.firstIndex(where: { $0.hasPrefix("RELOADING=1\nMONOTONIC_USEC=") })
                else { return false }
                return messages[reloading...].contains { $0.hasPrefix("READY=1") }
            }
            stack.signalMaster(SIGTERM)
            _ = try stack.waitForMasterExit()
            messages += notify.drain()
            #expect(messages.contains("STOPPING=1"))
            #expect(messages.contains { $0.contains("STATUS=Serving with 2 workers") })
        }

        @Test func workersAreRecycledAtDifferentMomentsWithoutAFailedRequest() throws {
            let stack = try Stack(
                workers: 2,
                environment: ["GACETACHAT_POOL_PM_MAX_REQUESTS": "5", "GACETACHAT_POOL_MAX_REQUESTS_JITTER": "20"])
            defer { stack.stop() }
            try stack.start()
            let first = stack.workerPids()
            var failures = 0
            for _ in 0..<150 where try stack.get("/health").status != 200 { failures += 1 }
            #expect(failures == 0)
            try stack.waitForLog("recycled after its max_requests", count: 4)
            try waitUntil("the pool is whole") { stack.workerPids().count == 2 }
            #expect(stack.workerPids() != first)
            // Each worker drew its own limit in 5...25: they did not all leave after the same count.
            let served = stack.masterLog().split(separator: "\n").compactMap { line -> Int? in
                guard let range = line.range(of: " served ") else { return nil }
                return Int(line[range.upperBound...].prefix { $0.isNumber })
            }
            #expect(served.count >= 4 && served.allSatisfy { (5...25).contains($0) }, "\(served)")
            #expect(Set(served).count > 1, "every worker was recycled after the same count: \(served)")
        }
    }
}

extension EndToEnd.SystemdAndRecyclingTests {
    /// systemd's own `systemd-socket-activate` holds the socket and passes it on fd 3 (LISTEN_FDS/LISTEN_PID),
    /// as `gacetachat.socket` would; the first connection starts the pool, which serves it.
    @Test func socketActivationServesOnTheSocketSystemdPasses() throws {
        let directory = try Paths.temporaryDirectory("activate")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let socket = "\(directory)/activated.sock"
        var environment = Paths.testingEnvironment(directory: directory)
        environment["GACETACHAT_POOL_WORKERS"] = "2"
        environment["GACETACHAT_SERVER_LISTEN"] = "unix:\(directory)/unused.sock"
        let activator = Process()
        activator.executableURL = URL(fileURLWithPath: try Shell.resolve("systemd-socket-activate"))
        // systemd-socket-activate passes only the variables named with -E, like systemd's Environment=.
        let passed = environment.filter { $0.key.hasPrefix("GACETACHAT_") }.sorted { $0.key < $1.key }
        activator.arguments =
            ["-l", socket] + passed.flatMap { ["-E", "\($0.key)=\($0.value)"] } + [
                try Paths.binary(), "serve",
            ]
        activator.environment = environment
        activator.standardOutput = FileHandle.nullDevice
        activator.standardError = FileHandle.nullDevice
        try activator.run()
        defer {
            if activator.isRunning { kill(activator.processIdentifier, SIGTERM) }
            activator.waitUntilExit()
        }
        try waitUntil("systemd-socket-activate listens") { FileManager.default.fileExists(atPath: socket) }
        let response = try FastCGIClient.get("/health", socket: socket)
        #expect(response.status == 200, "\(response.body)")
        #expect(response.body.contains("\"profile\":\"testing\""), "\(response.body)")
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/unused.sock"), "the passed socket is used")
        kill(activator.processIdentifier, SIGTERM)
        activator.waitUntilExit()
        #expect(activator.terminationStatus == 0)
    }
}

extension EndToEnd.SystemdAndRecyclingTests {
    /// logrotate's dance: move the file, send USR1, and master and workers write to a new file.
    @Test func usr1ReopensTheLogFileInTheMasterAndTheWorkers() throws {
        let directory = try Paths.temporaryDirectory("logs")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = "\(directory)/gacetachat.log"
        var environment = Paths.testingEnvironment(directory: directory)
        environment["GACETACHAT_SERVER_LISTEN"] = "unix:\(directory)/pool.sock"
        environment["GACETACHAT_LOG_LEVEL"] = "info"
        environment["GACETACHAT_LOG_FILE"] = log
        let master = Process()
        master.executableURL = URL(fileURLWithPath: try Paths.binary())
        master.arguments = ["serve", "--workers", "2"]
        master.environment = environment
        master.standardError = FileHandle.nullDevice
        try master.run()
        defer {
            if master.isRunning { kill(master.processIdentifier, SIGTERM) }
            master.waitUntilExit()
        }
        func contents(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        try waitUntil("pool ready in the log file") { contents(log).contains("pool ready") }

        try FileManager.default.moveItem(atPath: log, toPath: log + ".1")
        kill(master.processIdentifier, SIGUSR1)
        try waitUntil("a new log file") { contents(log).contains("USR1: reopened") }
        let workers = Stack.children(of: master.processIdentifier)
        #expect(workers.count == 2)
        try waitUntil("workers write to the new file too") {
            workers.allSatisfy { pid in
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/2")) == log
            }
        }
        kill(try #require(workers.first), SIGKILL)
        try waitUntil("the master logs into the new file") { contents(log).contains("exited on signal 9") }
        #expect(!contents(log + ".1").contains("exited on signal 9"))
    }
}
