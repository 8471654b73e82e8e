import GacetaCore
import GacetaSystem

/// One question's whole way through a conversation: validate it, load the conversation it continues, retrieve and
/// answer (`ChatService`), store the turn, and stream the answer as it is produced. The API's chat route and
/// `gacetachat ask` both run it; neither knows how the other presents the answer.
public final class ConversationWorkflow {
    public struct Limits: Sendable {
        public var maxQuestionLength: Int
        public var maxTurns: Int
        /// Conversations untouched for longer are deleted (checked at most once an hour).
        public var retention: Duration

        public init(maxQuestionLength: Int, maxTurns: Int, retention: Duration) {
            self.maxQuestionLength = maxQuestionLength
            self.maxTurns = maxTurns
            self.retention = retention
        }
    }

    /// A question checked and its conversation loaded: what `answer` needs. Everything that can be refused is
    /// refused before this exists, so a streamed answer never starts for a request that fails validation.
    public struct Question: Sendable {
        public let text: String
        public let conversationID: String
        public let isNew: Bool
        public let history: [ConversationTurn]
    }

    /// Most bytes of questions and answers one conversation may store; past it a follow-up is refused (409).
    public static let maximumConversationBytes = 256 * 1024

    public let service: ChatService
    public let limits: Limits
    private let store: any ConversationStore
    private let makeConversationID: () -> String
    private var lastPurge: ContinuousClock.Instant?

    public init(
        service: ChatService, store: any ConversationStore, limits: Limits, makeConversationID: @escaping () -> String
    ) {
        self.service = service
        self.store = store
        self.limits = limits
        self.makeConversationID = makeConversationID
    }

    /// Checks `question` and loads the conversation it continues (a new one when `conversationID` is nil).
    /// Throws `ChatError` for what the asker must change, `StoreError` when the database fails.
    public func prepare(question: String?, conversationID: String?) throws -> Question {
        let text = try QuestionText.normalised(question ?? "", maximumLength: limits.maxQuestionLength)
        guard !text.isEmpty else { throw ChatError.emptyQuestion }
        guard let id = conversationID else {
            return Question(text: text, conversationID: makeConversationID(), isNew: true, history: [])
        }
        guard Self.isWellFormedID(id), let conversation = try store.conversation(id: id) else {
            throw ChatError.conversationNotFound(id: id, asking: true)
        }
        let storedBytes = conversation.turns.reduce(0) { $0 + $1.question.utf8.count + $1.answer.text.utf8.count }
        guard storedBytes < Self.maximumConversationBytes else {
            throw ChatError.conversationTooLarge(bytes: storedBytes)
        }
        guard conversation.turns.count < limits.maxTurns else { throw ChatError.tooManyTurns(limit: limits.maxTurns) }
        return Question(text: text, conversationID: id, isNew: false, history: conversation.turns)
    }

    /// Answers a prepared question and stores the turn; `onToken` receives the text as it is produced (see
    /// `ChatService` for what a client does when the provider fails part-way).
    public func answer(_ question: Question, onToken: ((String) -> Void)? = nil) throws -> Answer {
        purgeIfDue()
        let answer = try service.answer(question: question.text, history: question.history, onToken: onToken)
        let turn = ConversationTurn(question: question.text, answer: answer, createdAt: Timestamp.now())
        if question.isNew { try store.createConversation(id: question.conversationID, now: turn.createdAt) }
        try store.appendTurn(turn, conversationID: question.conversationID)
        return answer
    }

    /// The conversation `id` with its turns; `ChatError.conversationNotFound` when there is none.
    public func conversation(id: String) throws -> Conversation {
        guard Self.isWellFormedID(id), let conversation = try store.conversation(id: id) else {
            throw ChatError.conversationNotFound(id: id, asking: false)
        }
        return conversation
    }

    /// Conversation retention, applied by each worker at most once an hour.
    private func purgeIfDue() {
        let now = ContinuousClock.now
        if let last = lastPurge, now - last < .seconds(3600) { return }
        lastPurge = now
        _ = try? store.purgeConversations(before: Timestamp.ago(limits.retention))
    }

    /// 16 to 64 lowercase hex digits, as `makeConversationID` makes them.
    public static func isWellFormedID(_ id: String) -> Bool {
        (16...64).contains(id.utf8.count) && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
