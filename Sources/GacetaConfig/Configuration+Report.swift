extension Configuration {
    /// Human-readable text for `gacetachat config check`: the profile and where it came from, the file, then each
    /// section's keys as aligned `key = value    ; source` lines. Secrets are redacted.
    public func report() -> String {
        var lines = [
            "; profile: \(settings.profile.rawValue) (\(profileSource))",
            "; file:    \(file ?? "(none; built-in defaults and environment only)")",
        ]
        let keyWidth = values.map { $0.key.split(separator: ".", maxSplits: 1).last?.count ?? 0 }.max() ?? 0
        let valueWidth = min(48, values.map(\.display.count).max() ?? 0)
        for section in ConfigurationSchema.sections {
            let prefix = section + "."
            let entries = values.filter { $0.key.hasPrefix(prefix) }
            guard !entries.isEmpty else { continue }
            lines.append("")
            lines.append("[\(section)]")
            for entry in entries {
                let name = String(entry.key.dropFirst(prefix.count))
                lines.append(
                    name.padded(to: keyWidth) + " = " + entry.display.padded(to: valueWidth) + "  ; \(entry.source)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
