/// Loads the configuration from built-in defaults, a file, the active profile, the environment and command-line
/// overrides, in that order of precedence (later wins).
///
/// The loader never reads the process environment or working directory itself: pass them in, so tests and tools
/// can load any configuration without touching global state.
///
/// ```swift
/// let loader = ConfigurationLoader(environment: ProcessInfo.processInfo.environment, currentDirectory: cwd)
/// let configuration = try loader.load(configPath: options.config, profile: options.profile, overrides: flags)
/// ```
public struct ConfigurationLoader: Sendable {
    /// Searched in the current directory when no file is named.
    public static let localConfigFile = "conf/gacetachat.ini"
    /// Searched after ``localConfigFile``.
    public static let defaultSystemConfigFile = "/etc/gacetachat/gacetachat.ini"

    public let environment: [String: String]
    /// Relative paths (`--config`, `GACETACHAT_CONFIG`, ``localConfigFile``) are resolved against this directory.
    public let currentDirectory: String
    /// The system-wide file searched last; a parameter so tests need not touch `/etc`.
    public let systemConfigFile: String

    public init(
        environment: [String: String], currentDirectory: String,
        systemConfigFile: String = ConfigurationLoader.defaultSystemConfigFile
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.systemConfigFile = systemConfigFile
    }

    /// Loads and validates the whole configuration, collecting every problem before throwing.
    ///
    /// - Parameters:
    ///   - configPath: the file named by `--config`; overrides `GACETACHAT_CONFIG` and the search for a file.
    ///     A named file that cannot be read is an error.
    ///   - profile: the profile named by `--profile`; overrides `GACETACHAT_PROFILE` (default: development).
    ///   - overrides: command-line values, applied last in order.
    /// - Throws: ``ConfigurationErrors`` listing every problem found, each with its file and line, variable or flag.
    public func load(
        configPath: String? = nil, profile: String? = nil, overrides: [CommandLineOverride] = []
    ) throws(ConfigurationErrors) -> Configuration {
        var errors: [ConfigurationError] = []
        let selection = selectProfile(argument: profile)
        if let error = selection.error {
            errors.append(error)
        }
        var builder = ConfigurationBuilder(profile: selection.profile, environment: environment)
        let file = locateFile(argument: configPath)
        if let file {
            switch FileSystem.readText(file.fullPath) {
            case .success(let text):
                builder.apply(IniParser.parse(text), path: file.path)
            case .failure(let failure):
                let origin = file.origin.map { " (from \($0))" } ?? ""
                errors.append(
                    ConfigurationError(
                        message: "cannot read configuration file '\(file.path)'\(origin): \(failure.reason)",
                        location: file.origin.map { $0.hasPrefix("--") ? .commandLine($0) : .environment($0) }))
            }
        }
        builder.applyEnvironment()
        builder.apply(overrides)
        errors += builder.errors
        let settings = builder.settings()
        errors += ProcessManagerRules.violations(of: settings, source: builder.source(of:))
        errors += MailRules.violations(of: settings, source: builder.source(of:))
        if selection.error == nil, selection.profile == .production {
            errors += ProductionPolicy.violations(of: settings, source: builder.source(of:))
        }
        guard errors.isEmpty else {
            throw ConfigurationErrors(errors: errors)
        }
        return Configuration(
            settings: settings, profileSource: selection.source, file: file?.path, values: builder.effectiveValues())
    }
}
