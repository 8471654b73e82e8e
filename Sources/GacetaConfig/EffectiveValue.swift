/// One schema key's effective value and where it came from.
public struct EffectiveValue: Sendable, Equatable {
    /// The dotted key, e.g. `pool.workers`.
    public let key: String
    /// The value as text; secrets read `<redacted, 48 characters>` and unset values `(unset)`.
    public let display: String
    public let source: ValueSource
    public let isSecret: Bool
}
