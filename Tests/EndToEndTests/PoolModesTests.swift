import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// `pm = dynamic | ondemand`, the memory ceiling, metrics by route, a busy worker killed, an upgrade.
    @Suite struct PoolModesTests {
        private static func status(_ stack: Stack) -> [String: Any] {
            (try? stack.get("/status?json").json()) ?? [:]
        }

        private static func number(_ stack: Stack, _ key: String) -> Int? {
            status(stack)[key] as? Int
        }

        @Test func ondemandStartsAWorkerForARequestAndShrinksToZeroWhenIdle() throws {
            let stack = try Stack(
                workers: 3,
                environment: ["GACETACHAT_POOL_PM": "ondemand", "GACETACHAT_POOL_PM_PROCESS_IDLE_TIMEOUT": "1s"])
            defer { stack.stop() }
            try stack.start()  // its /health check already needed a worker
            try stack.waitForLog("pool ready (pm = ondemand): no workers until a request arrives")
            #expect(Self.status(stack)["process manager"] as? String == "ondemand")
            try waitUntil("the idle worker leaves") {
                stack.workerPids().isEmpty && Self.number(stack, "total processes") == 0
            }
            try stack.waitForLog("idle for pm.process_idle_timeout; stopping it")
            for _ in 0..<3 { #expect(try stack.get("/health").status == 200, "a request still finds a worker") }
            #expect(stack.workerPids().count == 1, "one worker is enough for one client")
            try waitUntil("down to zero again") { stack.workerPids().isEmpty }
        }

        @Test func dynamicKeepsIdleWorkersBetweenTheSpareBoundsAndUnderMaxChildren() throws {
            let stack = try Stack(
                workers: 4,
                environment: [
                    "GACETACHAT_POOL_PM": "dynamic", "GACETACHAT_POOL_PM_START_SERVERS": "2",
                    "GACETACHAT_POOL_PM_MIN_SPARE_SERVERS": "1", "GACETACHAT_POOL_PM_MAX_SPARE_SERVERS": "2",
                ])
            defer { stack.stop() }
            try stack.start()
            #expect(Self.number(stack, "total processes") == 2, "pm.start_servers")
            let busy = BackgroundRequest.sleepers(stack, count: 3, seconds: 4)
            var most = 0
            try waitUntil("three busy and a spare") {
                let status = Self.status(stack)
                most = max(most, status["total processes"] as? Int ?? 0)
                return status["active processes"] as? Int == 3 && (status["idle processes"] as? Int ?? 0) >= 1
            }
            #expect(Self.number(stack, "total processes") == 4)
            while busy.contains(where: { !$0.isFinished }) {
                most = max(most, Self.number(stack, "total processes") ?? 0)
                usleep(100_000)
            }
            #expect(most <= 4, "never more than pm.max_children")
            try waitUntil("spares above pm.max_spare_servers stopped") {
                Self.number(stack, "idle processes") == 2 && stack.workerPids().count == 2
            }
            try stack.waitForLog("more than pm.max_spare_servers (2): stopping worker")
            #expect(try stack.get("/health").status == 200)
        }

        @Test func aWorkerOverTheMemoryCeilingIsReplacedAfterItsRequestAndNoRequestFails() throws {
            // Any worker is over 1 MB resident: each leaves after one request.
            let stack = try Stack(workers: 2, environment: ["GACETACHAT_POOL_MAX_WORKER_MEMORY": "1m"])
            defer { stack.stop() }
            try stack.start()
            for _ in 0..<6 { #expect(try stack.get("/health").status == 200) }
            try stack.waitForLog("passed pool.max_worker_memory; starting a replacement", count: 3)
            try waitUntil("the pool is whole") { stack.workerPids().count == 2 }
            let metrics = try stack.get("/metrics").body
            let line = metrics.split(separator: "\n").first {
                $0.hasPrefix("gacetachat_worker_restarts_total{cause=\"memory_limit\"}")
            }
            #expect((line?.split(separator: " ").last.flatMap { Int($0) } ?? 0) >= 3, "\(line ?? "no line")")
        }

        @Test func metricsCountRoutesStatusesAndLatencyAcrossExitedWorkersAndPassPromtool() throws {
            // Workers recycled after 2 requests: the counts must survive them.
            let stack = try Stack(workers: 2, environment: ["GACETACHAT_POOL_PM_MAX_REQUESTS": "2"])
            defer { stack.stop() }
            try stack.start()
            let before = Self.requests(try stack.get("/metrics").body, route: "/health", status: 200)
            for _ in 0..<5 { #expect(try stack.get("/health").status == 200) }
            for _ in 0..<3 { #expect(try stack.get("/api/v1/no-such-thing").status == 404) }
            #expect(try stack.get("/api/v1/search?q=").status == 400)
            try stack.waitForLog("recycled after its max_requests", count: 2)
            let metrics = try stack.get("/metrics").body
            #expect(Self.requests(metrics, route: "/health", status: 200) == before + 5, "\(metrics)")
            #expect(Self.requests(metrics, route: "unmatched", status: 404) == 3)
            #expect(Self.requests(metrics, route: "/api/v1/search", status: 400) == 1)
            #expect(metrics.contains("# TYPE gacetachat_http_request_duration_seconds histogram"))
            #expect(metrics.contains("gacetachat_http_request_duration_seconds_bucket{route=\"/health\",le=\"+Inf\"}"))
            #expect(metrics.contains("gacetachat_http_request_duration_seconds_count{route=\"unmatched\"} 3"))
            let file = "\(stack.directory)/metrics.txt"
            try metrics.write(toFile: file, atomically: true, encoding: .utf8)
            let promtool = try Shell.run("/bin/sh", ["-c", "promtool check metrics < \(file)"])
            print("promtool check metrics: exit \(promtool.status) \(promtool.output)")
            #expect(promtool.status == 0, "\(promtool.output)")
        }

        private static func requests(_ metrics: String, route: String, status: Int) -> Int {
            let prefix = "gacetachat_http_requests_total{route=\"\(route)\",status=\"\(status)\"} "
            let line = metrics.split(separator: "\n").first { $0.hasPrefix(prefix) }
            return line.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0
        }

        @Test func killingABusyWorkerFailsOnlyItsRequestAndThePoolIsWholeAgain() throws {
            let stack = try Stack(workers: 3)
            defer { stack.stop() }
            try stack.start()
            let slow = BackgroundRequest(stack: stack, path: "/api/v1/testing/sleep?seconds=10")
            var victim: Int32?
            try waitUntil("a worker busy with the slow request") {
                let full = (try? stack.get("/status?json&full").json()) ?? [:]
                let processes = full["processes"] as? [[String: Any]] ?? []
                let sleeping = processes.first { process in
                    (process["request URI"] as? String)?.hasPrefix("/api/v1/testing/sleep") == true
                        && process["state"] as? String == "Running"
                }
                victim = (sleeping?["pid"] as? Int).map(Int32.init)
                return victim != nil
            }
            let load = LoadClients(stack: stack, clients: 2)
            usleep(300_000)
            kill(try #require(victim), SIGKILL)
            try stack.waitForLog("exited on signal 9 (SIGKILL); starting a replacement")
            try waitUntil("the pool is back to 3") {
                stack.workerPids().count == 3 && !stack.workerPids().contains(victim!)
            }
            usleep(300_000)
            let others = load.stop()
            let status = slow.wait()
            #expect(status == 502, "the killed request: \(status)")
            #expect(others.count > 10)
            #expect(others.allSatisfy { $0 == 200 }, "other requests: \(others.filter { $0 != 200 })")
        }

        @Test func aReloadAfterTheBinaryIsReplacedRunsTheNewFileWithoutDroppingARequest() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            let installed = "\(stack.directory)/bin/gacetachat"
            try FileManager.default.createDirectory(atPath: "\(stack.directory)/bin", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: try Paths.binary(), toPath: installed)
            stack.executable = installed
            try stack.start()
            let oldWorkers = stack.workerPids()
            let load = LoadClients(stack: stack)
            usleep(300_000)
            // An upgrade as a package manager does it: the new file is written beside the old one and renamed
            // over it. Bytes appended after the ELF image make it a different file that still runs.
            let staged = "\(stack.directory)/bin/.gacetachat.new"
            try FileManager.default.copyItem(atPath: installed, toPath: staged)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: staged))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("gacetachat upgrade marker\n".utf8))
            try handle.close()
            #expect(rename(staged, installed) == 0)
            let newInode = try Self.inode(installed)
            stack.signalMaster(SIGHUP)
            try stack.waitForLog("reload complete")
            try waitUntil("old workers gone") {
                stack.workerPids().isDisjoint(with: oldWorkers) && stack.workerPids().count == 2
            }
            usleep(300_000)
            let all = load.stop()
            for pid in stack.workerPids() {
                #expect(try Self.inode("/proc/\(pid)/exe") == newInode, "worker \(pid) runs the new file")
            }
            #expect(
                try Self.inode("/proc/\(stack.master!.processIdentifier)/exe") != newInode,
                "the master was not restarted")
            #expect(all.count > 20, "too few requests: \(all.count)")
            #expect(all.allSatisfy { $0 == 200 }, "non-200 answers: \(all.filter { $0 != 200 })")
        }

        private static func inode(_ path: String) throws -> UInt64 {
            var info = stat()
            guard stat(path, &info) == 0 else { throw TestSupportError("stat \(path) failed") }
            return UInt64(info.st_ino)
        }
    }
}
