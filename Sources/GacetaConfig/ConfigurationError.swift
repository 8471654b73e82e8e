import GacetaSystem

/// One problem found while loading the configuration, phrased for the operator who must fix it.
///
/// The message ends nginx style with where the problem is (`… in conf/gacetachat.ini:12`), followed by a hint in
/// parentheses when there is one (`(did you mean 'workers'?)`).
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// The file line, environment variable or flag at fault; `nil` when the problem is not tied to one place.
    public let location: ValueSource?

    /// `message` is shown with any password in it redacted (see `Redaction`): errors quote values and flags.
    public init(message: String, location: ValueSource?) {
        self.message = Redaction.redacted(message)
        self.location = location
    }

    /// Builds "`problem` in `location` (`hint`)".
    init(_ problem: String, at location: ValueSource?, hint: String? = nil) {
        var message = problem
        if let place = location?.errorLocation {
            message += " in \(place)"
        }
        if let hint {
            message += " (\(hint))"
        }
        self.init(message: message, location: location)
    }

    public var description: String { message }
}

/// Every problem found by one load, thrown together so the operator can fix them in one go.
public struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [ConfigurationError]

    public init(errors: [ConfigurationError]) {
        self.errors = errors
    }

    /// The messages, one per line.
    public var description: String {
        errors.map(\.message).joined(separator: "\n")
    }
}
