import Testing

@testable import GacetaConfig

/// `--config` > `GACETACHAT_CONFIG` > `conf/gacetachat.ini` > the system file > none.
@Suite struct ConfigFileDiscoveryTests {
    /// A sandbox holding every candidate file, each setting a different worker count.
    private func sandboxWithAllFiles() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write("explicit.ini", "[pool]\nworkers = 11\n")
        try sandbox.write("from-env.ini", "[pool]\nworkers = 12\n")
        try sandbox.write("conf/gacetachat.ini", "[pool]\nworkers = 13\n")
        try sandbox.write("etc/gacetachat.ini", "[pool]\nworkers = 14\n")
        return sandbox
    }

    @Test func explicitPathComesFirst() throws {
        let sandbox = try sandboxWithAllFiles()
        let configuration = try sandbox.loader(environment: ["GACETACHAT_CONFIG": "from-env.ini"])
            .load(configPath: "explicit.ini")
        #expect(configuration.file == "explicit.ini")
        #expect(configuration.settings.pool.workers == 11)
    }

    @Test func environmentComesSecond() throws {
        let sandbox = try sandboxWithAllFiles()
        let configuration = try sandbox.loader(environment: ["GACETACHAT_CONFIG": "from-env.ini"]).load()
        #expect(configuration.file == "from-env.ini")
        #expect(configuration.settings.pool.workers == 12)
    }

    @Test func localFileComesThird() throws {
        let sandbox = try sandboxWithAllFiles()
        let configuration = try sandbox.loader().load()
        #expect(configuration.file == "conf/gacetachat.ini")
        #expect(configuration.settings.pool.workers == 13)
        #expect(configuration.value(for: "pool.workers")?.source.description == "conf/gacetachat.ini:2")
    }

    @Test func systemFileComesFourth() throws {
        let sandbox = try Sandbox()
        let system = try sandbox.write("etc/gacetachat.ini", "[pool]\nworkers = 14\n")
        let configuration = try sandbox.loader().load()
        #expect(configuration.file == system)
        #expect(configuration.settings.pool.workers == 14)
    }

    @Test func noFileMeansDefaults() throws {
        let configuration = try Sandbox().loader().load()
        #expect(configuration.file == nil)
        #expect(configuration.settings == Settings.defaults)
    }

    @Test func absolutePathsWork() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write("elsewhere/g.ini", "[pool]\nworkers = 15\n")
        let configuration = try ConfigurationLoader(environment: [:], currentDirectory: "/nonexistent")
            .load(configPath: path)
        #expect(configuration.file == path)
        #expect(configuration.settings.pool.workers == 15)
    }

    @Test func missingExplicitFileIsAnError() throws {
        let sandbox = try sandboxWithAllFiles()
        let errors = try #require(throws: ConfigurationErrors.self) {
            try sandbox.loader().load(configPath: "missing.ini")
        }
        #expect(
            errors.description
                == "cannot read configuration file 'missing.ini' (from --config): No such file or directory")
        #expect(errors.errors.first?.location == .commandLine("--config"))
    }

    @Test func missingFileFromEnvironmentIsAnError() throws {
        let sandbox = try sandboxWithAllFiles()
        let errors = try #require(throws: ConfigurationErrors.self) {
            try sandbox.loader(environment: ["GACETACHAT_CONFIG": "nope.ini"]).load()
        }
        #expect(
            errors.description
                == "cannot read configuration file 'nope.ini' (from GACETACHAT_CONFIG): No such file or directory")
    }

    @Test func directoryIsAnError() throws {
        let sandbox = try sandboxWithAllFiles()
        let errors = try #require(throws: ConfigurationErrors.self) {
            try sandbox.loader().load(configPath: "conf")
        }
        #expect(errors.description.hasPrefix("cannot read configuration file 'conf' (from --config): "))
    }
}
