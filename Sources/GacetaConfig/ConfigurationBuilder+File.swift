extension ConfigurationBuilder {
    /// Applies the base sections and then the active profile's section of a parsed file, wherever they appear,
    /// and validates every other profile section without applying it. The file's errors are recorded in line
    /// order.
    mutating func apply(_ document: IniDocument, path: String) {
        let firstNewError = errors.count
        for syntax in document.errors {
            record(ConfigurationError(syntax.problem, at: .file(path: path, line: syntax.line), hint: syntax.hint))
        }
        for entry in document.entriesOutsideSections {
            record(
                ConfigurationError(
                    "key '\(entry.key)' outside of any section", at: .file(path: path, line: entry.line),
                    hint: "put it under a section header such as [pool]"))
        }
        var firstLines: [String: Int] = [:]
        let valid = document.sections.filter(\.isValid)
        let isProfile = { (section: IniDocument.Section) in Profile(rawValue: section.name) != nil }
        for section in valid.filter({ !isProfile($0) }) + valid.filter(isProfile) {
            if ConfigurationSchema.sections.contains(section.name) {
                for entry in section.entries {
                    let source = ValueSource.file(path: path, line: entry.line)
                    let candidates = ConfigurationSchema.keys(in: section.name).map(\.name)
                    let key = ConfigurationSchema.key("\(section.name).\(entry.key)")
                    if let key = known(key, entry, in: section, at: source, candidates, &firstLines) {
                        set(key, interpolating: entry.value, from: source, apply: true)
                    }
                }
            } else if let sectionProfile = Profile(rawValue: section.name) {
                for entry in section.entries {
                    let source = ValueSource.profile(path: path, line: entry.line, profile: sectionProfile)
                    if let key = profileKey(entry, in: section, at: source, &firstLines) {
                        set(key, interpolating: entry.value, from: source, apply: sectionProfile == profile)
                    }
                }
            } else {
                record(unknownSection(section, path: path))
            }
        }
        sortErrors(from: firstNewError)
    }

    /// The key of an entry in a profile section, written `section.key`.
    private mutating func profileKey(
        _ entry: IniDocument.Entry, in section: IniDocument.Section, at source: ValueSource,
        _ firstLines: inout [String: Int]
    ) -> ConfigKey? {
        guard entry.key.contains(".") else {
            let matches = ConfigurationSchema.keys.filter { $0.name == entry.key }.map(\.path)
            let hint = matches.first.map { "did you mean '\($0)'?" } ?? "write section.key, e.g. pool.workers"
            record(
                ConfigurationError(
                    "key '\(entry.key)' in [\(section.name)] does not name its section", at: source, hint: hint))
            return nil
        }
        let candidates = ConfigurationSchema.keys.map(\.path)
        return known(ConfigurationSchema.key(entry.key), entry, in: section, at: source, candidates, &firstLines)
    }

    /// `key` if it exists and was not already set in this section; otherwise records why and returns `nil`.
    private mutating func known(
        _ key: ConfigKey?, _ entry: IniDocument.Entry, in section: IniDocument.Section, at source: ValueSource,
        _ candidates: [String], _ firstLines: inout [String: Int]
    ) -> ConfigKey? {
        guard let key else {
            let hint =
                Suggestion.closest(to: entry.key, in: candidates).map { "did you mean '\($0)'?" }
                ?? "[\(section.name)] accepts " + candidates.joined(separator: ", ")
            record(ConfigurationError("unknown key '\(entry.key)'", at: source, hint: hint))
            return nil
        }
        let identity = "\(section.name)/\(key.path)"
        if let first = firstLines[identity] {
            record(
                ConfigurationError(
                    "duplicate key '\(entry.key)' in [\(section.name)]", at: source,
                    hint: "first set at line \(first); remove one of them"))
            return nil
        }
        firstLines[identity] = entry.line
        return key
    }

    private mutating func set(_ key: ConfigKey, interpolating raw: String, from source: ValueSource, apply: Bool) {
        switch Interpolation.expand(raw, environment: environment) {
        case .success(let value):
            set(key, to: value, from: source, apply: apply)
        case .failure(let failure):
            record(ConfigurationError(failure.problem, at: source, hint: failure.hint))
        }
    }

    private func unknownSection(_ section: IniDocument.Section, path: String) -> ConfigurationError {
        let names = ConfigurationSchema.sections + Profile.allCases.map(\.rawValue)
        let hint =
            Suggestion.closest(to: section.name, in: names).map { "did you mean [\($0)]?" }
            ?? "expected one of " + names.map { "[\($0)]" }.joined(separator: ", ")
        return ConfigurationError(
            "unknown section [\(section.name)]", at: .file(path: path, line: section.line), hint: hint)
    }
}
