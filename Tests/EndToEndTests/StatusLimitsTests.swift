import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// The master's status responder (issue 15): 2 s and 16 KB per request in total, so that a client that
    /// drip-feeds its request cannot hold the master's loop (reaping, respawning, answering).
    @Suite struct StatusLimitsTests {
        private static func statusSocket(_ stack: Stack) -> String { "\(stack.directory)/pool-status.sock" }

        @Test func aDripFedStatusRequestDoesNotStopThePoolFromReapingAndAnswering() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            try stack.start()
            let socket = Self.statusSocket(stack)
            let drip = LockedBox<(sent: Int, refused: Bool)>((0, false))
            let dripping = Thread {
                guard let client = try? FastCGIClient(unixPath: socket) else { return }
                // BEGIN_REQUEST, then a PARAMS record of 1,000 bytes that come one a second.
                let begin: [UInt8] = [1, 1, 0, 1, 0, 8, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
                let params: [UInt8] = [1, 4, 0, 1, 0x03, 0xe8, 0, 0]
                guard client.sendRaw(begin + params) else { return }
                for _ in 0..<40 {
                    guard client.sendRaw([0x41]) else {
                        drip.mutate { $0.refused = true }
                        return
                    }
                    drip.mutate { $0.sent += 1 }
                    sleep(1)
                }
            }
            dripping.start()
            try waitUntil("the drip has begun") { drip.value.sent >= 1 }
            let victim = try #require(stack.workerPids().first)
            kill(victim, SIGKILL)
            try waitUntil("the killed worker is reaped and replaced", timeout: 20) {
                let now = stack.workerPids()
                return now.count == 2 && !now.contains(victim)
            }
            #expect(try stack.get("/status?json").status == 200)
            try waitUntil("the master closed the drip-fed connection", timeout: 20) { drip.value.refused }
            #expect(drip.value.sent < 40)
            try waitUntil("the drip ends") { dripping.isFinished }
        }

        @Test func aStatusRequestOver16KBIsClosedUnanswered() throws {
            let stack = try Stack(workers: 1)
            defer { stack.stop() }
            try stack.start()
            let small = try FastCGIClient(unixPath: Self.statusSocket(stack))
            try small.sendHead(["REQUEST_URI": "/status?json", "REQUEST_METHOD": "GET"])
            try small.sendBody([], end: true)
            #expect(try small.readResponse().status == 200)

            let large = try FastCGIClient(unixPath: Self.statusSocket(stack))
            // The master may close the connection before all of it is sent: a failed send is its refusal too.
            try? large.sendHead([
                "REQUEST_URI": "/status?json", "REQUEST_METHOD": "GET",
                "HTTP_X_PADDING": String(repeating: "a", count: 20 * 1024),
            ])
            _ = large.sendRaw([1, 5, 0, 1, 0, 0, 0, 0])
            #expect(throws: (any Error).self, "a 20 KB request was answered") { try large.readResponse() }
            #expect(try stack.get("/status").status == 200)
        }
    }
}
