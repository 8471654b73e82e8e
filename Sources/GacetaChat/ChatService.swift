import GacetaCore

/// The whole flow of one question: retrieve passages, ask the configured provider, and fall back to the offline
/// provider when it fails.
///
/// Streaming: `onToken` receives the text as it is produced. When the provider fails after it has streamed
/// some text, the fallback's answer follows through `onToken` too (after a blank line), so what a client has
/// accumulated is then the model's partial text plus the offline answer: the returned `Answer` (its `text`,
/// `citations`, `provider` and `fallbackReason`) is authoritative, and a client should replace the streamed text
/// with `Answer.text` when the final event arrives (and may show `fallbackReason`).
public struct ChatService {
    private let retriever: Retriever
    private let provider: (any AnswerProvider)?
    private let fallback: ExtractiveProvider
    /// Passages retrieved for each question.
    public var passageLimit = 8
    /// Below this IDF-weighted coverage of the question by its best passage, the answer is "No encontré…".
    public var noAnswerThreshold = ExtractiveProvider.noAnswerThreshold

    /// Creates the service; with no `provider` every answer is the offline one.
    public init(
        retriever: Retriever, provider: (any AnswerProvider)?, fallback: ExtractiveProvider = ExtractiveProvider()
    ) {
        self.retriever = retriever
        self.provider = provider
        self.fallback = fallback
    }

    /// Answers `question` (with the conversation's earlier `history`). Errors of retrieval (the store) and
    /// `ClientGone` (the asker left) are rethrown; a provider's failure never is: the offline answer stands in with
    /// provider "extractive" and `fallbackReason` set to the failure's reason (`ProviderFailure.Reason`). When
    /// nothing retrieved covers enough of the question (`noAnswerThreshold`) the answer is "No encontré…" and no
    /// provider is called.
    public func answer(
        question: String, history: [ConversationTurn], onToken: ((String) -> Void)?
    ) throws -> Answer {
        try answer(
            question: question, history: history, retrieval: try retrieve(question, history: history),
            onToken: onToken)
    }

    /// What `answer` retrieves for a question: the reranked candidates and the first `passageLimit` of them.
    public func retrieve(_ question: String, history: [ConversationTurn]) throws -> Retriever.Retrieval {
        try retriever.retrieve(question, history: history, limit: passageLimit)
    }

    /// Answers from a retrieval made by `retrieve` (a provider's failure falls back as in `answer`; `ClientGone`
    /// is rethrown).
    public func answer(
        question: String, history: [ConversationTurn], retrieval: Retriever.Retrieval, onToken: ((String) -> Void)?
    ) throws -> Answer {
        let relevant = (retrieval.coverage.max() ?? 0) >= noAnswerThreshold
        guard let provider, relevant else {
            return fallback.answer(
                question: question, history: history, retrieval: retrieval, threshold: noAnswerThreshold,
                onToken: onToken)
        }
        var streamed = false
        let forward: ((String) -> Void)? = onToken.map { onToken in
            { token in
                streamed = true
                onToken(token)
            }
        }
        let reason: String
        do {
            return try provider.answer(
                question: question, history: history, passages: retrieval.passages, onToken: forward)
        } catch let failure as ProviderFailure {
            reason = failure.reason
        } catch let gone as ClientGone {
            throw gone  // the asker left: no fallback answer either
        } catch {
            reason = ProviderFailure.Reason.malformedResponse.rawValue
        }
        if streamed { onToken?("\n\n") }
        var answer = fallback.answer(
            question: question, history: history, retrieval: retrieval, threshold: noAnswerThreshold, onToken: onToken)
        answer.fallbackReason = reason
        return answer
    }
}
