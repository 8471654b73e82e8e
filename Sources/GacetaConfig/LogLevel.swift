/// Severity threshold for the log, from most to least verbose.
public enum LogLevel: String, CaseIterable, Sendable, Comparable {
    case trace
    case debug
    case info
    case notice
    case warning
    case error
    case critical

    /// Parses a level name in any case (`INFO`, `Info`, `info`).
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    private var rank: Int {
        Self.allCases.firstIndex(of: self) ?? 0
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.rank < rhs.rank
    }
}
