extension ConfigurationLoader {
    /// The configuration file to read: as named (for messages) and as opened.
    struct ConfigFile: Equatable {
        let path: String
        let fullPath: String
        /// `--config` or `GACETACHAT_CONFIG` when the file was named explicitly; `nil` when found by searching.
        let origin: String?
    }

    /// `--config` > `GACETACHAT_CONFIG` > `conf/gacetachat.ini` in the current directory > the system file > none.
    /// An empty `GACETACHAT_CONFIG` counts as unset.
    func locateFile(argument: String?) -> ConfigFile? {
        if let argument {
            return ConfigFile(
                path: argument, fullPath: FileSystem.resolve(argument, in: currentDirectory), origin: "--config")
        }
        if let named = environment["GACETACHAT_CONFIG"], !named.isEmpty {
            return ConfigFile(
                path: named, fullPath: FileSystem.resolve(named, in: currentDirectory), origin: "GACETACHAT_CONFIG")
        }
        for candidate in [Self.localConfigFile, systemConfigFile] {
            let fullPath = FileSystem.resolve(candidate, in: currentDirectory)
            if FileSystem.exists(fullPath) {
                return ConfigFile(path: candidate, fullPath: fullPath, origin: nil)
            }
        }
        return nil
    }

    /// `--profile` > `GACETACHAT_PROFILE` > development. An unknown name is reported and development is used so
    /// the rest of the configuration is still checked. An empty `GACETACHAT_PROFILE` counts as unset.
    func selectProfile(argument: String?) -> (profile: Profile, source: ValueSource, error: ConfigurationError?) {
        let name: String
        let source: ValueSource
        let origin: String
        if let argument {
            (name, source, origin) = (argument, .commandLine("--profile"), "--profile")
        } else if let variable = environment["GACETACHAT_PROFILE"], !variable.isEmpty {
            (name, source, origin) = (variable, .environment("GACETACHAT_PROFILE"), "GACETACHAT_PROFILE")
        } else {
            return (Profile.defaultProfile, .builtIn, nil)
        }
        if let profile = Profile(rawValue: name) {
            return (profile, source, nil)
        }
        let suggestion = Suggestion.closest(to: name, in: Profile.allCases.map(\.rawValue))
        let message =
            "unknown profile '\(name)' (from \(origin)); expected \(Profile.expectedList)"
            + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        return (Profile.defaultProfile, source, ConfigurationError(message: message, location: source))
    }
}
