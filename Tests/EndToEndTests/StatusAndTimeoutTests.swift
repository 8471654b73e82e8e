import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// The master's status page and metrics, and requests that run too long.
    @Suite struct StatusAndTimeoutTests {
        @Test func theStatusPageAnswersWhileEveryWorkerIsBusy() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            try stack.start()
            for _ in 0..<3 { #expect(try stack.get("/health").status == 200) }
            // Both workers busy with a slow request (a route of the testing profile): none is free to answer.
            let caPath = stack.caPath
            let url = "https://127.0.0.1:\(stack.httpsPort)/api/v1/testing/sleep?seconds=4"
            let sleepers = (0..<2).map { _ in
                Thread { _ = try? Shell.run("curl", ["-s", "--cacert", caPath, "-o", "/dev/null", url]) }
            }
            sleepers.forEach { $0.start() }
            try waitUntil("both workers busy") {
                ((try? stack.get("/status?json").json())?["active processes"] as? Int) == 2
            }
            let text = try stack.get("/status")
            #expect(text.status == 200)
            #expect(text.body.contains("accepted conn:"))
            let activeLine = text.body.split(separator: "\n").first { $0.hasPrefix("active processes:") }
            #expect(activeLine?.split(separator: " ").last == "2", "\(text.body)")
            let full = try stack.get("/status?json&full").json()
            let processes = try #require(full["processes"] as? [[String: Any]])
            #expect(processes.count == 2)
            #expect(processes.allSatisfy { ($0["request URI"] as? String)?.hasPrefix("/api/v1/testing/sleep") == true })
            #expect((full["accepted conn"] as? Int ?? 0) >= 3)

            let metrics = try stack.get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.body.contains("# TYPE gacetachat_requests_total counter"))
            #expect(metrics.body.contains("gacetachat_workers{state=\"busy\"} 2"))
            while sleepers.contains(where: { !$0.isFinished }) { usleep(20_000) }
        }

        @Test func aRequestPastTheTerminateTimeoutFailsAloneAndItsWorkerIsReplaced() throws {
            let stack = try Stack(
                workers: 2,
                environment: [
                    "GACETACHAT_POOL_REQUEST_TERMINATE_TIMEOUT": "1500ms",
                    "GACETACHAT_POOL_REQUEST_SLOWLOG_TIMEOUT": "500ms",
                ])
            defer { stack.stop() }
            try stack.start()
            let before = stack.workerPids()
            let slow = LockedBox<Int?>(nil)
            let caPath = stack.caPath
            let url = "https://127.0.0.1:\(stack.httpsPort)/api/v1/testing/sleep?seconds=20"
            let thread = Thread {
                let result = try? Shell.run(
                    "curl", ["-s", "--cacert", caPath, "-o", "/dev/null", "-w", "%{http_code}", url])
                slow.value = Int(result?.stdout ?? "") ?? 0
            }
            thread.start()
            try stack.waitForLog("slow request: worker")
            // Meanwhile the other worker serves.
            #expect(try stack.get("/health").status == 200)
            try stack.waitForLog("passed request_terminate_timeout")
            while !thread.isFinished { usleep(20_000) }
            #expect([502, 504].contains(slow.value ?? 0), "the slow request failed: \(String(describing: slow.value))")
            try waitUntil("the pool is whole again") {
                let now = stack.workerPids()
                return now.count == 2 && now != before
            }
            for _ in 0..<5 { #expect(try stack.get("/health").status == 200) }
            let metrics = try stack.get("/metrics").body
            #expect(metrics.contains("gacetachat_terminated_requests_total 1"))
            #expect(metrics.contains("gacetachat_worker_restarts_total{cause=\"request_terminate_timeout\"} 1"))
        }
    }
}
