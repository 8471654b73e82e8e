import GacetaChat
import GacetaCore
import GacetaSearch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What the chat routes need besides the store: the answering service, limits, and id generation.
public struct ChatContext {
    public let service: ChatService
    public let maxQuestionLength: Int
    public let maxTurns: Int
    public let retention: Duration
    /// A new unguessable conversation id.
    public let makeConversationID: () -> String
    /// Whether the question's text goes into the request's log line (`log.chat_questions`).
    public let logQuestions: Bool

    public init(
        service: ChatService, maxQuestionLength: Int, maxTurns: Int, retention: Duration,
        logQuestions: Bool = false, makeConversationID: @escaping () -> String
    ) {
        self.logQuestions = logQuestions
        self.service = service
        self.maxQuestionLength = maxQuestionLength
        self.maxTurns = maxTurns
        self.retention = retention
        self.makeConversationID = makeConversationID
    }
}

/// `POST /api/v1/chat` (JSON, or server-sent events with `Accept: text/event-stream`) and
/// `GET /api/v1/conversations/{id}`.
final class ChatHandler {
    private let store: any Store
    private let context: ChatContext
    private var lastPurge: ContinuousClock.Instant?

    init(store: any Store, context: ChatContext) {
        self.store = store
        self.context = context
    }

    func register(on router: inout Router) {
        router.post("/api/v1/chat") { [self] request, _ in Self.notStored(try chat(request)) }
        router.get("/api/v1/conversations/{id}", pathIsSecret: true) { [self] _, parameters in
            Self.notStored(try conversation(parameters["id"] ?? ""))
        }
    }

    /// A response that names a conversation id (a bearer secret): no cache, shared or the browser's, keeps it.
    private static func notStored(_ response: Response) -> Response {
        var response = response
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    /// Most bytes of questions and answers one conversation may store; past it a follow-up is refused (409).
    static let maximumConversationBytes = 256 * 1024

    private struct Question: Decodable {
        let question: String?
        let conversationId: String?

        enum CodingKeys: String, CodingKey {
            case question
            case conversationId = "conversation_id"
        }
    }

    /// Everything checked before an answer is produced, so errors keep their status even when streaming.
    private struct Prepared {
        let question: String
        let conversationID: String
        let isNew: Bool
        let history: [ConversationTurn]
    }

    private func chat(_ request: Request) throws -> Response {
        let prepared = try prepare(request)
        purgeIfDue()
        var response: Response
        if request.headers["Accept"]?.contains("text/event-stream") == true {
            response = Response.eventStream { [self] write in
                // The answer is produced before this call returns; the writer never outlives it.
                withoutActuallyEscaping(write) { write in stream(prepared, write: write) }
            }
        } else {
            let answer = try context.service.answer(
                question: prepared.question, history: prepared.history, onToken: nil)
            try save(prepared, answer: answer)
            response = Response.json(AnswerBody(answer: answer, conversationID: prepared.conversationID))
        }
        if context.logQuestions { response.logFields.append(("question", prepared.question)) }
        return response
    }

    private func prepare(_ request: Request) throws -> Prepared {
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        guard type.hasPrefix("application/json") else {
            throw HTTPError(
                status: 415, code: "unsupported_media_type",
                message: "send the question as JSON with Content-Type: application/json")
        }
        let body: Question
        do {
            body = try JSONDecoder().decode(Question.self, from: Data(request.body))
        } catch {
            throw HTTPError.badRequest(#"the body must be JSON like {"question": "¿…?", "conversation_id": "…"}"#)
        }
        let question = try QuestionText.normalised(body.question ?? "", maximumLength: context.maxQuestionLength)
        guard !question.isEmpty else {
            throw HTTPError(status: 400, code: "empty_question", message: "the question is empty")
        }
        guard let id = body.conversationId else {
            return Prepared(question: question, conversationID: context.makeConversationID(), isNew: true, history: [])
        }
        guard Self.isWellFormedID(id),
            let conversation = try SearchService.mapped({ () throws(StoreError) in try store.conversation(id: id) })
        else {
            throw HTTPError(
                status: 404, code: "conversation_not_found",
                message:
                    "no conversation \(id.prefix(64)); it may have expired: start a new one without conversation_id")
        }
        let storedBytes = conversation.turns.reduce(0) { $0 + $1.question.utf8.count + $1.answer.text.utf8.count }
        guard storedBytes < Self.maximumConversationBytes else {
            throw HTTPError(
                status: 409, code: "conversation_too_large",
                message: "this conversation holds \(storedBytes) bytes, the most one may; start a new one")
        }
        guard conversation.turns.count < context.maxTurns else {
            throw HTTPError(
                status: 409, code: "too_many_turns",
                message: "this conversation has reached \(context.maxTurns) questions; start a new one")
        }
        return Prepared(question: question, conversationID: id, isNew: false, history: conversation.turns)
    }

    private func stream(_ prepared: Prepared, write: @escaping Response.StreamWriter) {
        var open = true
        do {
            let answer = try context.service.answer(question: prepared.question, history: prepared.history) { token in
                guard open else { return }
                open = write(Response.event("token", JSON.encode(["text": token])))
            }
            try save(prepared, answer: answer)
            let body = AnswerBody(answer: answer, conversationID: prepared.conversationID)
            _ = write(Response.event("citations", JSON.encode(body.citations)))
            _ = write(Response.event("done", JSON.encode(body)))
        } catch {
            let failure = (error as? HTTPError) ?? HTTPError.internalError
            _ = write(Response.event("error", JSON.encode(["code": failure.code, "message": failure.message])))
        }
    }

    private func save(_ prepared: Prepared, answer: Answer) throws {
        let now = Timestamp.now()
        let turn = ConversationTurn(question: prepared.question, answer: answer, createdAt: now)
        try SearchService.mapped { () throws(StoreError) in
            if prepared.isNew { try store.createConversation(id: prepared.conversationID, now: now) }
            try store.appendTurn(turn, conversationID: prepared.conversationID)
        }
    }

    private func conversation(_ id: String) throws -> Response {
        guard Self.isWellFormedID(id),
            let conversation = try SearchService.mapped({ () throws(StoreError) in try store.conversation(id: id) })
        else {
            throw HTTPError(status: 404, code: "conversation_not_found", message: "no conversation \(id.prefix(64))")
        }
        return Response.json(ConversationBody(conversation))
    }

    /// Conversation retention, applied by each worker at most once an hour.
    private func purgeIfDue() {
        let now = ContinuousClock.now
        if let last = lastPurge, now - last < .seconds(3600) { return }
        lastPurge = now
        _ = try? store.purgeConversations(before: Timestamp.ago(context.retention))
    }

    static func isWellFormedID(_ id: String) -> Bool {
        (16...64).contains(id.utf8.count) && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
