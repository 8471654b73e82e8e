/// A value parsed for one key, ready to be written into ``Settings``.
struct ParsedValue: Sendable {
    /// The canonical text of the value (secrets redacted).
    let display: String
    let apply: @Sendable (inout Settings) -> Void
}

/// Describes one configuration key: its name, type, default, and how it reaches ``Settings``.
struct ConfigKey: Sendable {
    let section: String
    let name: String
    /// The raw default, parsed like any other value; empty means unset for keys that allow it.
    let defaultValue: String
    let isSecret: Bool
    /// A widely used variable name that also sets this key, e.g. `DATABASE_URL`.
    let conventionalEnvironment: String?
    /// One line for operators, shown by documentation and reports.
    let doc: String
    /// Completes "expected …" in error messages.
    let expected: String
    let example: String
    let allowsEmpty: Bool
    /// For an older name kept working: the path of the key it sets (e.g. `pool.workers` sets
    /// `pool.pm.max_children`). Reports show only the canonical key, with this one's source when it was used.
    let aliasOf: String?
    /// Parses a raw value; `nil` when it is not valid for this key's type.
    let parse: @Sendable (String) -> ParsedValue?

    init<Value: Sendable>(
        _ section: String, _ name: String, _ type: ValueType<Value>, default defaultValue: String,
        secret: Bool = false, environment: String? = nil, example: String? = nil, aliasOf: String? = nil,
        doc: String, set: @escaping @Sendable (inout Settings, Value) -> Void
    ) {
        self.section = section
        self.name = name
        self.defaultValue = defaultValue
        self.isSecret = secret
        self.conventionalEnvironment = environment
        self.doc = doc
        self.expected = type.expected
        self.example = example ?? (defaultValue.isEmpty ? type.example : defaultValue)
        self.allowsEmpty = type.allowsEmpty
        self.aliasOf = aliasOf
        self.parse = { text in
            guard let value = type.parse(text) else { return nil }
            return ParsedValue(display: type.format(value), apply: { set(&$0, value) })
        }
    }

    /// `section.key`, e.g. `pool.workers`.
    var path: String { "\(section).\(name)" }

    /// `GACETACHAT_SECTION_KEY`, e.g. `GACETACHAT_POOL_WORKERS`.
    var environmentName: String {
        "GACETACHAT_\(section)_\(name)".uppercased().replacingDots()
    }
}

extension String {
    fileprivate func replacingDots() -> String {
        String(map { $0 == "." ? "_" : $0 })
    }
}
