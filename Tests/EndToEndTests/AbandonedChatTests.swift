import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 15, row 7: a chat whose client has left is abandoned. The model stub streams for 30 s and records
    /// whether its client (the worker) closed the connection before the answer ended; every streamed chat closed
    /// by its client after 1 s must be seen closed.
    @Suite struct AbandonedChatTests {
        @Test func streamedChatsClosedAfterOneSecondStopReadingFromTheModel() throws {
            try closeChatsAfterOneSecond(waves: 2, streamed: true)
        }

        /// Without streaming the worker waits for the whole answer: the same hang-up stops it.
        @Test func chatsWaitingForAWholeAnswerAreAbandonedToo() throws {
            try closeChatsAfterOneSecond(waves: 1, streamed: false)
        }

        /// Waves of four chats (nginx admits four at once per site and two per client address), each closed by
        /// its client after one second; the model must see every connection closed before its answer ended.
        private func closeChatsAfterOneSecond(waves: Int, streamed: Bool) throws {
            // 300 deltas 100 ms apart: each answer takes the model 30 s.
            let delta = "El precio del calzado escolar tiene un máximo [1]. "
            let model = try OpenAIStubServer(mode: .slowStream(delta: delta, count: 300, interval: .milliseconds(100)))
            defer { model.stop() }
            let stack = try ChatLimitsTests.startStack(
                workers: 4,
                [
                    "GACETACHAT_LLM_BASE_URL": model.baseURL, "GACETACHAT_LLM_MODEL": "stub",
                    "GACETACHAT_LLM_TIMEOUT": "60s",
                ])
            defer { stack.stop() }
            let url = "https://127.0.0.1:\(stack.httpsPort)/api/v1/chat"
            let json = #"{"question":"¿Cuál es el precio del calzado escolar?"}"#
            let exits = LockedBox<[Int32]>([])
            func chat(from address: String) -> Thread {
                let caPath = stack.caPath
                let thread = Thread {
                    // --max-time 1: the client leaves after one second, in the middle of the model's answer.
                    let result = try? Shell.run(
                        "curl",
                        [
                            "-s", "-N", "--max-time", "1", "--cacert", caPath, "--interface", address, "-o",
                            "/dev/null", "-X", "POST", "-H", "Content-Type: application/json", "-H",
                            streamed ? "Accept: text/event-stream" : "Accept: application/json", "--data-binary", json,
                            url,
                        ])
                    exits.mutate { $0.append(result?.status ?? -1) }
                }
                thread.start()
                return thread
            }
            for wave in 1...waves {
                let clients = ["127.0.0.1", "127.0.0.1", "127.0.0.2", "127.0.0.2"].map { chat(from: $0) }
                try waitUntil("the wave's clients leave", timeout: 30) { clients.allSatisfy(\.isFinished) }
                // Without abandonment each answer is read to its end, 30 s after it began.
                try waitUntil("the model's answers of wave \(wave) end", timeout: 90) {
                    model.streamEndings.count >= 4 * wave
                }
            }
            // curl's 28: the transfer was cut by --max-time (the answer was still coming).
            let chats = 4 * waves
            #expect(exits.value == Array(repeating: 28, count: chats), "\(exits.value)")
            #expect(model.requests.count == chats)
            #expect(
                model.streamEndings == Array(repeating: .clientClosed, count: chats),
                "how the model's answers ended: \(model.streamEndings)")
            #expect(try stack.get("/health").status == 200)
        }
    }
}
