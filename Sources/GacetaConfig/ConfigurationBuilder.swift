/// Accumulates values layer by layer (defaults, file, profile, environment, command line) and the errors found.
///
/// Each layer replaces the values of the keys it sets and records where they came from; invalid values are
/// reported and leave the previous value in place, so one load reports every problem.
struct ConfigurationBuilder {
    let profile: Profile
    let environment: [String: String]
    private(set) var errors: [ConfigurationError] = []
    private var resolved: [String: (value: ParsedValue, source: ValueSource)] = [:]

    init(profile: Profile, environment: [String: String]) {
        self.profile = profile
        self.environment = environment
        for key in ConfigurationSchema.keys {
            if let value = key.parse(key.defaultValue) {
                resolved[key.path] = (value, .builtIn)
            } else {
                errors.append(ConfigurationError("invalid built-in default for \(key.path)", at: nil))
            }
        }
    }

    /// Validates `raw` for `key` and, when `apply` is true, makes it the effective value; an invalid value is
    /// recorded in ``errors`` and leaves the previous value in place.
    mutating func set(_ key: ConfigKey, to raw: String, from source: ValueSource, apply: Bool = true) {
        if let error = Self.validate(key, raw, from: source) {
            errors.append(error)
            return
        }
        let target = key.aliasOf.flatMap(ConfigurationSchema.key) ?? key
        guard apply, let value = target.parse(raw) else { return }
        resolved[target.path] = (value, source)
    }

    /// Why `raw` is not a valid value for `key`, or `nil` when it is.
    static func validate(_ key: ConfigKey, _ raw: String, from source: ValueSource) -> ConfigurationError? {
        let hint = "expected \(key.expected), e.g. \(example(for: key, from: source))"
        if raw.isEmpty, !key.allowsEmpty {
            return ConfigurationError("missing value for \(key.path)", at: source, hint: hint)
        }
        guard key.parse(raw) == nil else { return nil }
        let shown = key.isSecret ? "" : " '\(raw)'"
        return ConfigurationError("invalid value\(shown) for \(key.path)", at: source, hint: hint)
    }

    /// A valid setting written the way the source writes it: `'workers = 3'`, `GACETACHAT_POOL_WORKERS=3` …
    private static func example(for key: ConfigKey, from source: ValueSource) -> String {
        switch source.kind {
        case .file: return "'\(key.name) = \(key.example)'"
        case .profile: return "'\(key.path) = \(key.example)'"
        case .environment(let name): return "\(name)=\(key.example)"
        case .builtIn, .commandLine: return "'\(key.example)'"
        }
    }

    mutating func record(_ error: ConfigurationError) {
        errors.append(error)
    }

    mutating func record(_ newErrors: [ConfigurationError]) {
        errors += newErrors
    }

    /// Where the effective value of `path` came from.
    func source(of path: String) -> ValueSource {
        resolved[path]?.source ?? .builtIn
    }

    /// The typed settings made of every effective value.
    func settings() -> Settings {
        var settings = Settings.unset
        settings.profile = profile
        for key in ConfigurationSchema.keys where key.aliasOf == nil {
            resolved[key.path]?.value.apply(&settings)
        }
        return settings
    }

    /// Every schema key's effective value, in schema order.
    func effectiveValues() -> [EffectiveValue] {
        ConfigurationSchema.keys.filter { $0.aliasOf == nil }.map { key in
            EffectiveValue(
                key: key.path, display: resolved[key.path]?.value.display ?? "(unset)", source: source(of: key.path),
                isSecret: key.isSecret)
        }
    }
}

extension ConfigurationBuilder {
    /// Sorts the errors recorded since index `start` by line number, keeping the order of equal lines.
    mutating func sortErrors(from start: Int) {
        let recent = errors[start...].enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element.location?.line ?? 0, rhs.element.location?.line ?? 0)
            return left != right ? left < right : lhs.offset < rhs.offset
        }
        errors.replaceSubrange(start..., with: recent.map(\.element))
    }
}
