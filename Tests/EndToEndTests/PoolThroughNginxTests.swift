import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// The dev stack for real: nginx on loopback HTTPS → unix socket → `gacetachat serve` with 3 workers.
    @Suite struct PoolThroughNginxTests {
        @Test func healthAnswersOverHTTPSVerifiedAgainstTheGeneratedCA() throws {
            let stack = try Stack(workers: 3)
            defer { stack.stop() }
            try stack.start()
            let response = try stack.get("/health")
            #expect(response.status == 200)
            let body = try response.json()
            #expect(body["status"] as? String == "ok")
            #expect(body["profile"] as? String == "testing")
            #expect(body["version"] as? String != nil)
            #expect(body["uptime_seconds"] as? Double != nil)
            let pid = try #require(response.pid)
            #expect(stack.workerPids().contains(pid))
            #expect(response.headers["strict-transport-security"]?.contains("max-age=") == true)
            #expect(response.headers["x-content-type-options"] == "nosniff")

            let redirect = try stack.curl(["http://127.0.0.1:\(stack.httpPort)/health"])
            #expect(redirect.status == 301)
            #expect(redirect.headers["location"]?.hasPrefix("https://") == true)
        }

        @Test func requestsReachMoreThanOneWorkerProcess() throws {
            let stack = try Stack(workers: 3)
            defer { stack.stop() }
            try stack.start()
            // An idle worker answers; holding it busy with a half-sent request makes the next one answer.
            var seen: Set<Int32> = []
            var held: [FastCGIClient] = []
            for _ in 0..<3 {
                let pid = try #require(try stack.get("/health").pid)
                seen.insert(pid)
                let client = try FastCGIClient(unixPath: stack.socketPath)
                try client.sendHead(["REQUEST_METHOD": "GET", "REQUEST_URI": "/health"])
                held.append(client)
                usleep(200_000)
            }
            #expect(seen.count >= 2, "pids seen: \(seen)")
            #expect(seen.isSubset(of: stack.workerPids()))
            for client in held {
                try client.sendBody([], end: true)
                #expect(try client.readResponse().status == 200)
            }
        }

        @Test func aKilledWorkerIsReplacedAndRequestsKeepSucceeding() throws {
            let stack = try Stack(workers: 3)
            defer { stack.stop() }
            try stack.start()
            let before = stack.workerPids()
            #expect(before.count == 3)
            let victim = try #require(before.first)
            kill(victim, SIGKILL)
            try stack.waitForLog("worker \(victim) exited on signal 9 (SIGKILL)")
            try waitUntil("the pool is back to 3 workers") {
                let now = stack.workerPids()
                return now.count == 3 && !now.contains(victim)
            }
            for _ in 0..<10 { #expect(try stack.get("/health").status == 200) }
        }

        @Test func twentyReloadsUnderConcurrentLoadDropNoRequest() throws {
            let stack = try Stack(workers: 3)
            defer { stack.stop() }
            try stack.start()
            let before = stack.workerPids()
            let load = LoadClients(stack: stack)
            usleep(300_000)
            for round in 1...20 {
                stack.signalMaster(SIGHUP)
                try stack.waitForLog("reload complete", count: round)
                usleep(100_000)
            }
            usleep(300_000)
            let all = load.stop()
            #expect(all.count > 100, "too few requests to mean anything: \(all.count)")
            #expect(all.allSatisfy { $0 == 200 }, "non-200 answers: \(all.filter { $0 != 200 })")
            try waitUntil("old workers drained") { stack.workerPids().count == 3 }
            #expect(stack.workerPids().isDisjoint(with: before))
        }

        @Test func gracefulStopLetsTheRequestInFlightFinish() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            try stack.start()
            let client = try FastCGIClient(unixPath: stack.socketPath)
            try client.sendHead(["REQUEST_METHOD": "GET", "REQUEST_URI": "/health"])
            usleep(200_000)
            stack.signalMaster(SIGQUIT)
            try stack.waitForLog("graceful stop requested")
            usleep(300_000)
            // The busy worker is still there, finishing our request.
            try client.sendBody([], end: true)
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(try stack.waitForMasterExit() == 0)
            #expect(!FileManager.default.fileExists(atPath: stack.socketPath))
        }

        @Test func termStopsEveryProcessAndRemovesTheSocket() throws {
            let stack = try Stack(workers: 3)
            defer { stack.stop() }
            try stack.start()
            let workers = stack.workerPids()
            #expect(workers.count == 3)
            #expect(FileManager.default.fileExists(atPath: stack.socketPath))
            stack.signalMaster(SIGTERM)
            #expect(try stack.waitForMasterExit() == 0)
            for pid in workers {
                #expect(kill(pid, 0) != 0, "worker \(pid) survived")
            }
            // TERM itself ended them: no escalation to KILL was needed.
            #expect(!stack.masterLog().contains("sending KILL"), "\(stack.masterLog())")
            #expect(!FileManager.default.fileExists(atPath: stack.socketPath))
        }

        @Test func oversizedAndMalformedRequestsGetClearErrorsAndTheWorkersSurvive() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            try stack.start()
            let before = stack.workerPids()
            let file = "\(stack.directory)/body"

            // Over the limit (1 MiB, the app's and nginx's client_max_body_size): a JSON 413.
            _ = FileManager.default.createFile(atPath: file, contents: Data(count: 1_500_000))
            let appLimit = try stack.get(
                "/health", ["-X", "POST", "--data-binary", "@\(file)", "-H", "Content-Type: application/octet-stream"])
            #expect(appLimit.status == 413)
            #expect(appLimit.errorCode == "payload_too_large")
            #expect((try? appLimit.json()["error"] as? [String: Any])?["message"] as? String != nil)

            // Over nginx's limit: nginx answers, in the same JSON shape.
            _ = FileManager.default.createFile(atPath: file, contents: Data(count: 3_000_000))
            let nginxLimit = try stack.get("/health", ["-X", "POST", "--data-binary", "@\(file)"])
            #expect(nginxLimit.status == 413)
            #expect(nginxLimit.errorCode == "payload_too_large")

            let malformed = try stack.get("/health?q=%zz")
            #expect(malformed.status == 400)
            #expect(malformed.errorCode == "bad_request")
            let unknown = try stack.get("/api/v1/nothing-here")
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "not_found")
            let wrongMethod = try stack.get("/health", ["-X", "DELETE"])
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.errorCode == "method_not_allowed")

            // A raw FastCGI request with a lying Content-Length.
            let client = try FastCGIClient(unixPath: stack.socketPath)
            try client.sendHead(["REQUEST_METHOD": "POST", "REQUEST_URI": "/health", "CONTENT_LENGTH": "banana"])
            try client.sendBody([], end: true)
            #expect(try client.readResponse().status == 400)

            #expect(try stack.get("/health").status == 200)
            #expect(stack.workerPids() == before, "a worker died: \(stack.masterLog())")
            #expect(!stack.masterLog().contains("exited"))
        }
    }
}
