/// Where an effective value came from.
public struct ValueSource: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The schema's built-in default.
        case builtIn
        /// A base section (`[pool]` …) of the configuration file.
        case file(path: String, line: Int)
        /// A profile section (`[production]` …) of the configuration file.
        case profile(path: String, line: Int, profile: Profile)
        /// An environment variable.
        case environment(name: String)
        /// A command-line flag, e.g. `--workers` or `--set pool.workers=5`.
        case commandLine(flag: String)
    }

    public let kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public static let builtIn = ValueSource(.builtIn)

    public static func file(path: String, line: Int) -> ValueSource {
        ValueSource(.file(path: path, line: line))
    }

    public static func profile(path: String, line: Int, profile: Profile) -> ValueSource {
        ValueSource(.profile(path: path, line: line, profile: profile))
    }

    public static func environment(_ name: String) -> ValueSource {
        ValueSource(.environment(name: name))
    }

    public static func commandLine(_ flag: String) -> ValueSource {
        ValueSource(.commandLine(flag: flag))
    }

    /// The file's path, for file and profile sources.
    public var path: String? {
        switch kind {
        case .file(let path, _), .profile(let path, _, _): return path
        default: return nil
        }
    }

    /// The 1-based line number, for file and profile sources.
    public var line: Int? {
        switch kind {
        case .file(_, let line), .profile(_, let line, _): return line
        default: return nil
        }
    }

    /// `built-in`, `conf/gacetachat.ini:12`, `conf/gacetachat.ini:40 [production]`, `env NAME` or `flag --workers`.
    public var description: String {
        switch kind {
        case .builtIn: return "built-in"
        case .file(let path, let line): return "\(path):\(line)"
        case .profile(let path, let line, let profile): return "\(path):\(line) [\(profile.rawValue)]"
        case .environment(let name): return "env \(name)"
        case .commandLine(let flag): return "flag \(flag)"
        }
    }

    /// The place an error points at, nginx style (`conf/gacetachat.ini:12`); `nil` for built-in values.
    var errorLocation: String? {
        switch kind {
        case .builtIn: return nil
        case .file(let path, let line), .profile(let path, let line, _): return "\(path):\(line)"
        case .environment, .commandLine: return description
        }
    }
}
