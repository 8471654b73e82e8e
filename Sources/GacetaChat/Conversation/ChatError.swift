import GacetaCore

/// What is wrong with a question or its conversation; each chooses its HTTP status and says what to do.
public enum ChatError: HTTPResponseError, Equatable, CustomStringConvertible {
    case emptyQuestion
    case questionTooLong(length: Int, limit: Int)
    /// No conversation `id` (or it has expired). `asking`: while continuing it with a question.
    case conversationNotFound(id: String, asking: Bool)
    case tooManyTurns(limit: Int)

    public var status: Int {
        switch self {
        case .emptyQuestion, .questionTooLong: 400
        case .conversationNotFound: 404
        case .tooManyTurns: 409
        }
    }

    public var code: String {
        switch self {
        case .emptyQuestion: "empty_question"
        case .questionTooLong: "question_too_long"
        case .conversationNotFound: "conversation_not_found"
        case .tooManyTurns: "too_many_turns"
        }
    }

    public var publicMessage: String {
        switch self {
        case .emptyQuestion: "the question is empty"
        case .questionTooLong(let length, let limit): "the question has \(length) characters; the limit is \(limit)"
        case .conversationNotFound(let id, asking: true):
            "no conversation \(id.prefix(64)); it may have expired: start a new one without conversation_id"
        case .conversationNotFound(let id, asking: false): "no conversation \(id.prefix(64))"
        case .tooManyTurns(let limit): "this conversation has reached \(limit) questions; start a new one"
        }
    }

    public var hasInternalDetail: Bool { false }

    public var description: String { publicMessage }
}
