import GacetaCore

/// What is wrong with a question or its conversation; each chooses its HTTP status and says what to do.
public enum ChatError: HTTPResponseError, Equatable, CustomStringConvertible {
    case emptyQuestion
    case questionTooLong(length: Int, limit: Int)
    /// Past 4 × `chat.max_question_length` Unicode scalars or 8 KB of UTF-8 (`measure` says which, e.g. "9100 bytes").
    case questionTooLarge(measure: String)
    /// No conversation `id` (or it has expired). `asking`: while continuing it with a question.
    case conversationNotFound(id: String, asking: Bool)
    case tooManyTurns(limit: Int)
    /// The conversation already stores `bytes` of questions and answers, the most one may.
    case conversationTooLarge(bytes: Int)

    public var status: Int {
        switch self {
        case .emptyQuestion, .questionTooLong, .questionTooLarge: 400
        case .conversationNotFound: 404
        case .tooManyTurns, .conversationTooLarge: 409
        }
    }

    public var code: String {
        switch self {
        case .emptyQuestion: "empty_question"
        case .questionTooLong, .questionTooLarge: "question_too_long"
        case .conversationNotFound: "conversation_not_found"
        case .tooManyTurns: "too_many_turns"
        case .conversationTooLarge: "conversation_too_large"
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
        case .questionTooLarge(let measure):
            "the question has \(measure); the limit is 4 times chat.max_question_length in Unicode scalars and "
                + "\(QuestionText.maximumBytes) bytes of UTF-8"
        case .conversationTooLarge(let bytes):
            "this conversation holds \(bytes) bytes, the most one may; start a new one"
        }
    }

    public var hasInternalDetail: Bool { false }

    public var description: String { publicMessage }
}
