/// Why a provider gave no answer: a short reason fit for logs and for the `fallback_reason` field
/// ("timeout after 5s", "HTTP 500", "malformed JSON"). Never holds credentials or the prompt.
public struct ProviderFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String

    /// Creates a failure with its reason.
    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
