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
            let sleepers = BackgroundRequest.sleepers(stack, count: 2, seconds: 4)
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
            sleepers.forEach { $0.wait() }
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
            let slow = BackgroundRequest(stack: stack, path: "/api/v1/testing/sleep?seconds=20")
            try stack.waitForLog("slow request: worker")
            // Meanwhile the other worker serves.
            #expect(try stack.get("/health").status == 200)
            try stack.waitForLog("passed request_terminate_timeout")
            let status = slow.wait()
            #expect([502, 504].contains(status), "the slow request failed: \(status)")
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
