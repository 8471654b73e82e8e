import GacetaCore

/// Writes an answer to a question from numbered passages (passage `n` is `passages[n - 1]`); every claim of the
/// answer carries `[n]` markers and every marker has a citation.
public protocol AnswerProvider {
    /// `extractive` or `openai`: what `Answer.provider` says.
    var name: String { get }

    /// Answers from `passages` only. `onToken` receives the answer text as it is produced (in one piece or in
    /// several); the returned `Answer.text` is authoritative. Throws `ProviderFailure` when no cited answer can
    /// be given.
    func answer(
        question: String, history: [ConversationTurn], passages: [SearchHit], onToken: ((String) -> Void)?
    ) throws -> Answer
}
