/// Why a provider gave no answer: one reason of a closed set (what `fallback_reason` says) and a detail for logs
/// ("timeout after 5s", "HTTP 500", "malformed JSON"). Never holds credentials or the prompt.
public struct ProviderFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reasons the offline answer may stand in for a model's.
    public enum Reason: String, Sendable, CaseIterable {
        case timeout
        case httpError = "http_error"
        case malformedResponse = "malformed_response"
        case noCitations = "no_citations"
        case unsupportedCitations = "unsupported_citations"
        case echoedPrompt = "echoed_prompt"
    }

    public let kind: Reason
    public let detail: String

    /// Creates a failure with its reason and a detail for logs.
    public init(_ kind: Reason, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// The `fallback_reason` value.
    public var reason: String { kind.rawValue }

    public var description: String { "\(kind.rawValue): \(detail)" }
}
