extension ConfigurationBuilder {
    /// Applies `GACETACHAT_SECTION_KEY` variables and, for keys that have one, their conventional variable
    /// (`DATABASE_URL` …). The `GACETACHAT_` variable wins when both are set; an empty conventional variable is
    /// ignored. Any other `GACETACHAT_` variable is an error, so typos are not silently ignored.
    mutating func applyEnvironment() {
        for key in ConfigurationSchema.keys {
            if let value = environment[key.environmentName] {
                set(key, to: value, from: .environment(key.environmentName))
            } else if let name = key.conventionalEnvironment, let value = environment[name], !value.isEmpty {
                set(key, to: value, from: .environment(name))
            }
        }
        let known = Set(ConfigurationSchema.keys.map(\.environmentName) + ConfigurationSchema.controlVariables)
        for name in environment.keys.sorted() where name.hasPrefix("GACETACHAT_") && !known.contains(name) {
            let candidates = ConfigurationSchema.keys.map(\.environmentName) + ConfigurationSchema.controlVariables
            let hint =
                Suggestion.closest(to: name, in: candidates).map { "did you mean \($0)?" }
                ?? "keys are set with GACETACHAT_SECTION_KEY, e.g. GACETACHAT_POOL_WORKERS"
            record(
                ConfigurationError(
                    message: "unknown environment variable \(name) (\(hint))", location: .environment(name)))
        }
    }

    /// Applies command-line overrides in order; a later one for the same key wins.
    mutating func apply(_ overrides: [CommandLineOverride]) {
        for override in overrides {
            let source = ValueSource.commandLine(override.flag)
            guard let key = ConfigurationSchema.key(override.key) else {
                let hint =
                    Suggestion.closest(to: override.key, in: ConfigurationSchema.keys.map(\.path))
                    .map { "did you mean '\($0)'?" } ?? "keys are written section.key, e.g. pool.workers"
                record(ConfigurationError("unknown key '\(override.key)'", at: source, hint: hint))
                continue
            }
            set(key, to: override.value, from: source)
        }
    }
}
