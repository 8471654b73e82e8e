import Foundation
import Testing

@testable import GacetaConfig

/// A fresh temporary directory standing in for the server's working directory, removed when released.
final class Sandbox {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gacetaconfig-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `relativePath` inside the sandbox, creating directories; returns the full path.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A loader working in the sandbox, whose "system" file is `etc/gacetachat.ini` inside it.
    func loader(environment: [String: String] = [:]) -> ConfigurationLoader {
        ConfigurationLoader(
            environment: environment, currentDirectory: path, systemConfigFile: path + "/etc/gacetachat.ini")
    }
}

/// The path error messages use for the file written by ``load(_:profile:environment:overrides:)``.
let testFile = "conf/test.ini"

/// Writes `ini` to `conf/test.ini` in a new sandbox and loads it.
func load(
    _ ini: String, profile: String? = nil, environment: [String: String] = [:],
    overrides: [CommandLineOverride] = []
) throws -> Configuration {
    let sandbox = try Sandbox()
    try sandbox.write(testFile, ini)
    return try sandbox.loader(environment: environment)
        .load(configPath: testFile, profile: profile, overrides: overrides)
}

/// Writes `ini` to `conf/test.ini` in a new sandbox, loads it, and returns the errors the load must throw.
func loadErrors(
    _ ini: String, profile: String? = nil, environment: [String: String] = [:],
    overrides: [CommandLineOverride] = [], sourceLocation: SourceLocation = #_sourceLocation
) throws -> [ConfigurationError] {
    let sandbox = try Sandbox()
    try sandbox.write(testFile, ini)
    let loader = sandbox.loader(environment: environment)
    let thrown = try #require(throws: ConfigurationErrors.self, sourceLocation: sourceLocation) {
        _ = try loader.load(configPath: testFile, profile: profile, overrides: overrides)
    }
    return thrown.errors
}

/// The single error a load must throw.
func loadError(
    _ ini: String, profile: String? = nil, environment: [String: String] = [:],
    overrides: [CommandLineOverride] = [], sourceLocation: SourceLocation = #_sourceLocation
) throws -> ConfigurationError {
    let errors = try loadErrors(
        ini, profile: profile, environment: environment, overrides: overrides, sourceLocation: sourceLocation)
    try #require(
        errors.count == 1, "expected one error, got:\n\(ConfigurationErrors(errors: errors))",
        sourceLocation: sourceLocation)
    return errors[0]
}

/// A secret key long enough for production.
let goodSecretKey = "0123456789abcdef0123456789abcdef-production"
