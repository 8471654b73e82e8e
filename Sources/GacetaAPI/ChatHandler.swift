import GacetaChat
import GacetaCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What the chat routes need: the conversation workflow and whether questions go into the log.
public struct ChatContext {
    public let workflow: ConversationWorkflow
    /// Whether the question's text goes into the request's log line (`log.chat_questions`).
    public let logQuestions: Bool

    public init(workflow: ConversationWorkflow, logQuestions: Bool = false) {
        self.workflow = workflow
        self.logQuestions = logQuestions
    }
}

/// `POST /api/v1/chat` (JSON, or server-sent events with `Accept: text/event-stream`) and
/// `GET /api/v1/conversations/{id}`: HTTP around `ConversationWorkflow`.
struct ChatHandler {
    let context: ChatContext

    func register(on router: inout Router) {
        router.post("/api/v1/chat") { request, _ in Self.notStored(try chat(request)) }
        router.get("/api/v1/conversations/{id}", pathIsSecret: true) { _, parameters in
            Self.notStored(
                Response.json(ConversationBody(try context.workflow.conversation(id: parameters["id"] ?? ""))))
        }
    }

    /// A response that names a conversation id (a bearer secret): no cache, shared or the browser's, keeps it.
    private static func notStored(_ response: Response) -> Response {
        var response = response
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    private struct QuestionBody: Decodable {
        let question: String?
        let conversationId: String?

        enum CodingKeys: String, CodingKey {
            case question
            case conversationId = "conversation_id"
        }
    }

    private func chat(_ request: Request) throws -> Response {
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        guard type.hasPrefix("application/json") else {
            throw HTTPError(
                status: 415, code: "unsupported_media_type",
                message: "send the question as JSON with Content-Type: application/json")
        }
        let body: QuestionBody
        do {
            body = try JSONDecoder().decode(QuestionBody.self, from: Data(request.body))
        } catch {
            throw HTTPError.badRequest(#"the body must be JSON like {"question": "¿…?", "conversation_id": "…"}"#)
        }
        // Checked before an answer is produced, so errors keep their status even when streaming.
        let question = try context.workflow.prepare(question: body.question, conversationID: body.conversationId)
        var response: Response
        if request.headers["Accept"]?.contains("text/event-stream") == true {
            response = Response.eventStream { [context] write in
                // The answer is produced before this call returns; the writer never outlives it.
                withoutActuallyEscaping(write) { write in Self.stream(question, context.workflow, write: write) }
            }
        } else {
            let answer = try context.workflow.answer(question)
            response = Response.json(AnswerBody(answer: answer, conversationID: question.conversationID))
        }
        if context.logQuestions { response.logFields.append(("question", question.text)) }
        return response
    }

    private static func stream(
        _ question: ConversationWorkflow.Question, _ workflow: ConversationWorkflow,
        write: @escaping Response.StreamWriter
    ) {
        var open = true
        do {
            let answer = try workflow.answer(question) { token in
                guard open else { return }
                open = write(Response.event("token", JSON.encode(["text": token])))
            }
            let body = AnswerBody(answer: answer, conversationID: question.conversationID)
            _ = write(Response.event("citations", JSON.encode(body.citations)))
            _ = write(Response.event("done", JSON.encode(body)))
        } catch {
            let failure: any HTTPResponseError = (error as? any HTTPResponseError) ?? HTTPError.internalError
            _ = write(Response.event("error", JSON.encode(["code": failure.code, "message": failure.publicMessage])))
        }
    }
}
