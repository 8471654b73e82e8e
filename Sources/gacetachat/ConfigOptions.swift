import ArgumentParser
import GacetaConfig

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where the configuration comes from; shared by every command that loads it.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "INI file (default: $GACETACHAT_CONFIG, ./conf/gacetachat.ini, /etc/gacetachat/gacetachat.ini).")
    var config: String?

    @Option(name: .long, help: "development, production or testing (default: $GACETACHAT_PROFILE, else development).")
    var profile: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Override one key, e.g. --set pool.workers=5.", valueName: "section.key=value"))
    var settings: [String] = []

    func validate() throws {
        for setting in settings where !setting.contains("=") {
            throw ValidationError("--set '\(setting)' needs the form section.key=value, e.g. --set pool.workers=5")
        }
    }

    var overrides: [CommandLineOverride] {
        settings.map { setting in
            let parts = setting.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return CommandLineOverride(
                key: String(parts[0]), value: parts.count > 1 ? String(parts[1]) : "", flag: "--set \(setting)")
        }
    }

    /// The arguments that make a worker load exactly this configuration.
    var forwardedArguments: [String] {
        var arguments: [String] = []
        if let config { arguments += ["--config", config] }
        if let profile { arguments += ["--profile", profile] }
        for setting in settings { arguments += ["--set", setting] }
        return arguments
    }

    func load(extra: [CommandLineOverride] = []) throws(ConfigurationErrors) -> Configuration {
        let loader = ConfigurationLoader(
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath)
        return try loader.load(configPath: config, profile: profile, overrides: overrides + extra)
    }
}

extension ConfigOptions {
    /// The settings, or the configuration errors printed and exit code 78 (EX_CONFIG).
    func loadOrExit() throws -> Settings {
        do {
            return try load().settings
        } catch {
            printError("configuration error:\n\(error)")
            throw ExitCode(78)
        }
    }
}
