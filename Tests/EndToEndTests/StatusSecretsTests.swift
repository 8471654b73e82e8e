import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Conversation ids are bearer secrets: the status page (`/status?full`, every worker's last request URI)
    /// shows the route's pattern instead, as the request log and nginx's access log do.
    @Suite struct StatusSecretsTests {
        @Test func theStatusPageNeverShowsAConversationId() throws {
            let stack = try Stack(workers: 1)
            defer { stack.stop() }
            try GazettePDF.write(
                to: "\(stack.directory)/g.pdf", number: 171, date: "9 de agosto del 2024", firstPrinted: 1,
                pages: ["El precio del calzado escolar se fija por decreto."])
            try Shell.run(
                try Paths.binary(), ["ingest", "\(stack.directory)/g.pdf"], environment: stack.poolEnvironment
            )
            .expectSuccess("ingest")
            try stack.start()
            let asked = try stack.get(
                "/api/v1/chat",
                ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", #"{"question":"¿calzado?"}"#])
            let id = try #require(try asked.json()["conversation_id"] as? String)
            #expect(try stack.get("/api/v1/conversations/\(id)").status == 200)
            let full = try stack.get("/status?json&full")
            #expect(full.status == 200)
            #expect(full.body.contains("/api/v1/conversations/{id}"), "\(full.body)")
            #expect(!full.body.contains(id), "\(full.body)")
            #expect(!(try stack.get("/status?full").body.contains(id)))
        }
    }
}
