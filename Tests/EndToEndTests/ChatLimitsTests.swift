import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// What nginx and the app do around chats (issue 15): conversation ids, bearer secrets, stay out of caches and
    /// of nginx's access log; a chat body is small; one client address holds at most two chats at once.
    @Suite struct ChatLimitsTests {
        /// A started stack whose one edition answers questions about the price of school shoes.
        static func startStack(workers: Int = 2, _ environment: [String: String] = [:]) throws -> Stack {
            let stack = try Stack(workers: workers, environment: environment)
            let pdf = "\(stack.directory)/gaceta-140.pdf"
            try GazettePDF.write(
                to: pdf, number: 140, date: "1 de agosto del 2024", weekday: "Jueves", firstPrinted: 1,
                pages: ["El Ministerio de Economía fija el precio del calzado escolar para el curso lectivo."])
            try Shell.run(try Paths.binary(), ["ingest", pdf], environment: stack.poolEnvironment)
                .expectSuccess("ingest")
            try stack.start()
            return stack
        }

        private static func chatArguments(_ json: String) -> [String] {
            ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", json]
        }

        @Test func conversationIdsAreNeitherStoredNorLoggedAndChatBodiesAreSmall() throws {
            let stack = try Self.startStack()
            defer { stack.stop() }
            let asked = try stack.get(
                "/api/v1/chat", Self.chatArguments(#"{"question":"¿Cuál es el precio del calzado escolar?"}"#))
            #expect(asked.status == 200, "\(asked.body)")
            #expect(asked.headers["cache-control"] == "no-store")
            let id = try #require(try asked.json()["conversation_id"] as? String)
            for path in ["/api/v1/conversations/\(id)", "/api/v1/conversations/\(id)?x=1"] {
                let read = try stack.get(path)
                #expect(read.status == 200, "\(path): \(read.body)")
                #expect(read.headers["cache-control"] == "no-store", "\(path): \(read.headers)")
            }
            _ = try stack.get("/api//v1/conversations/\(id)")
            _ = try stack.get("/API/v1/conversations/\(id)")

            let tooLarge = String(repeating: "a", count: 17 * 1024)
            let large = try stack.get("/api/v1/chat", Self.chatArguments(#"{"question":"\#(tooLarge)"}"#))
            #expect(large.status == 413 && large.errorCode == "payload_too_large", "\(large.status) \(large.body)")

            let log = try String(contentsOfFile: "\(stack.directory)/nginx/access.log", encoding: .utf8)
            #expect(log.contains("POST /api/v1/chat "), "\(log)")
            #expect(log.contains("GET /api/v1/conversations/{id} "), "\(log)")
            #expect(!log.contains(id), "the conversation id is in nginx's access log:\n\(log)")
        }

        /// A model that never answers holds each chat for `llm.timeout`: the third chat at once from one address
        /// gets a 429 from nginx, while another address still gets a chat.
        @Test func oneClientAddressHoldsAtMostTwoChatsAtOnce() throws {
            let model = try OpenAIStubServer(mode: .silent)
            defer { model.stop() }
            let stack = try Self.startStack(
                workers: 4,
                [
                    "GACETACHAT_LLM_BASE_URL": model.baseURL, "GACETACHAT_LLM_MODEL": "stub",
                    "GACETACHAT_LLM_TIMEOUT": "4s",
                ])
            defer { stack.stop() }
            let url = "https://127.0.0.1:\(stack.httpsPort)/api/v1/chat"
            let json = #"{"question":"¿Cuál es el precio del calzado escolar?"}"#
            let statuses = LockedBox<[String: Int]>([:])
            func chat(_ name: String, from address: String) -> Thread {
                let caPath = stack.caPath
                let thread = Thread {
                    let result = try? Shell.run(
                        "curl",
                        ["-s", "--cacert", caPath, "--interface", address, "-o", "/dev/null", "-w", "%{http_code}"]
                            + Self.chatArguments(json) + [url])
                    statuses.mutate { $0[name] = Int(result?.stdout ?? "") ?? 0 }
                }
                thread.start()
                return thread
            }
            let first = [chat("a1", from: "127.0.0.1"), chat("a2", from: "127.0.0.1")]
            try waitUntil("two workers busy with the chats", timeout: 10) {
                ((try? stack.get("/status?json").json())?["active processes"] as? Int) == 2
            }
            let third = chat("a3", from: "127.0.0.1")
            let other = chat("b1", from: "127.0.0.2")
            try waitUntil("every chat ends", timeout: 30) { (first + [third, other]).allSatisfy(\.isFinished) }
            let seen = statuses.value
            #expect(seen["a3"] == 429, "\(seen)")
            #expect(seen["a1"] == 200 && seen["a2"] == 200 && seen["b1"] == 200, "\(seen)")
        }
    }
}
