import GacetaAPI
import GacetaChat
import GacetaCore
import Logging
import Testing
import TestSupport

/// Issue 15, fuzzing as a routine: seeded random JSON bodies (`Fuzz.iterations`) posted to `/api/v1/chat` through
/// the API's router on a real SQLite store: each gets an answer or a 4xx, never a 500.
@Suite struct JSONBodyFuzzTests {
    @Test func randomChatBodies() throws {
        let harness = try StoreHarness(.sqlite)
        let store = harness.store
        var counter = 0
        let workflow = ConversationWorkflow(
            service: ChatService(retriever: Retriever(search: { request in try store.search(request) }), provider: nil),
            store: store, limits: .init(maxQuestionLength: 1000, maxTurns: 4, retention: .seconds(86_400)),
            makeConversationID: {
                counter += 1
                return String(repeating: "0", count: 16) + String(counter, radix: 16)
            })
        let services = StoreServices(
            search: store, catalogue: store, administration: store, maintenance: store, fetchLog: store)
        let router = API.router(
            context: ServiceContext(
                profile: "testing", pid: 1, store: services, chat: ChatContext(workflow: workflow)))
        let logger = Logger(label: "fuzz") { _ in SwiftLogNoOpLogHandler() }
        let fragments = [
            "{", "}", "[", "]", ",", ":", "\"question\"", "\"conversation_id\"", "\"¿salario?\"", "\"\"", "null",
            "true",
            "1", "-0", "1e999", "\"\\u0000\"", "\"\\ud800\"", "\"0000000000000001\"", "\"a\"", " ", "\"", "\\", "é",
        ]
        var statuses: [Int: Int] = [:]
        var generator = SeededGenerator(seed: 0x6a73_6f6e)
        for _ in 0..<Fuzz.iterations {
            let values = ["\"¿salario mínimo?\"", "\"\"", "null", "1", "\"\\u0000\"", "\"\\ud800\"", "[]", "{}"]
            let value = { (generator: inout SeededGenerator) in
                Int.random(in: 0..<2, using: &generator) == 0
                    ? values.randomElement(using: &generator) ?? "null"
                    : "\""
                        + Fuzz.text(
                            ["a", "é", "¿", "?", " ", "salario", "\\n", "\\\"", "\\u00e9"], pieces: 0...8,
                            using: &generator
                        ).filter { $0 != "\"" && $0 != "\\" && !$0.isNewline } + "\""
            }
            let body: String
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: body = "{\"question\": \(value(&generator))}"
            case 1: body = "{\"question\": \(value(&generator)), \"conversation_id\": \(value(&generator))}"
            default: body = Fuzz.text(fragments, pieces: 0...16, using: &generator)
            }
            var headers = Headers()
            headers.add(
                "Content-Type", Int.random(in: 0..<10, using: &generator) == 0 ? "text/plain" : "application/json")
            let response = router.respond(
                to: Request(method: "POST", path: "/api/v1/chat", headers: headers, body: Array(body.utf8)),
                logger: logger)
            statuses[response.status, default: 0] += 1
            #expect(response.status == 200 || (400...499).contains(response.status), "\(body.debugDescription)")
        }
        #expect(statuses[200, default: 0] > 0 && statuses[400, default: 0] > 0, "\(statuses)")
        Fuzz.report(
            "JSON bodies", accepted: statuses[200, default: 0], refused: Fuzz.iterations - statuses[200, default: 0])
    }
}
