import Testing

@testable import GacetaConfig

/// built-in defaults < base sections < active profile < environment < command line.
@Suite struct PrecedenceTests {
    private let base = "[pool]\nworkers = 4\n"
    private let withProfile = "[pool]\nworkers = 4\n[development]\npool.workers = 5\n"
    private let environment = ["GACETACHAT_POOL_WORKERS": "6"]
    private let flag = [CommandLineOverride(key: "pool.workers", value: "7", flag: "--workers")]

    @Test func builtInDefault() throws {
        let configuration = try load("[pool]\n")
        #expect(configuration.settings.pool.workers == 3)
        #expect(configuration.value(for: "pool.workers")?.source == .builtIn)
        #expect(configuration.value(for: "pool.workers")?.source.description == "built-in")
    }

    @Test func baseSectionBeatsDefault() throws {
        let configuration = try load(base)
        #expect(configuration.settings.pool.workers == 4)
        #expect(configuration.value(for: "pool.workers")?.source == .file(path: testFile, line: 2))
        #expect(configuration.value(for: "pool.workers")?.source.description == "conf/test.ini:2")
    }

    @Test func activeProfileBeatsBaseSection() throws {
        let configuration = try load(withProfile)
        #expect(configuration.settings.pool.workers == 5)
        let source = configuration.value(for: "pool.workers")?.source
        #expect(source == .profile(path: testFile, line: 4, profile: .development))
        #expect(source?.description == "conf/test.ini:4 [development]")
    }

    @Test func environmentBeatsProfile() throws {
        let configuration = try load(withProfile, environment: environment)
        #expect(configuration.settings.pool.workers == 6)
        #expect(configuration.value(for: "pool.workers")?.source == .environment("GACETACHAT_POOL_WORKERS"))
        #expect(configuration.value(for: "pool.workers")?.source.description == "env GACETACHAT_POOL_WORKERS")
    }

    @Test func commandLineBeatsEnvironment() throws {
        let configuration = try load(withProfile, environment: environment, overrides: flag)
        #expect(configuration.settings.pool.workers == 7)
        #expect(configuration.value(for: "pool.workers")?.source == .commandLine("--workers"))
        #expect(configuration.value(for: "pool.workers")?.source.description == "flag --workers")
    }

    @Test func laterFlagWins() throws {
        let configuration = try load(
            "",
            overrides: [
                CommandLineOverride(key: "server.debug", value: "true", flag: "--set server.debug=true"),
                CommandLineOverride(key: "server.debug", value: "off", flag: "--no-debug"),
            ])
        #expect(configuration.settings.server.debug == false)
        #expect(configuration.value(for: "server.debug")?.source == .commandLine("--no-debug"))
    }

    @Test func onlyTheActiveProfileApplies() throws {
        let ini = "[testing]\npool.workers = 2\n[production]\npool.workers = 8\n"
        #expect(try load(ini).settings.pool.workers == 3)
        #expect(try load(ini, profile: "testing").settings.pool.workers == 2)
        #expect(try load(ini, profile: "testing").settings.profile == .testing)
    }

    @Test func profileSectionOrderDoesNotMatter() throws {
        let configuration = try load("[development]\npool.workers = 5\n[pool]\nworkers = 4\n")
        #expect(configuration.settings.pool.workers == 5)
    }

    @Test func valuesListEverySchemaKeyInOrder() throws {
        let configuration = try load("")
        #expect(configuration.values.map(\.key) == ConfigurationSchema.keys.filter { $0.aliasOf == nil }.map(\.path))
        #expect(Set(configuration.values.map(\.key)).count == configuration.values.count, "no key listed twice")
    }

    @Test func defaultsMatchALoadWithoutFile() throws {
        let sandbox = try Sandbox()
        let configuration = try sandbox.loader().load()
        #expect(configuration.file == nil)
        #expect(configuration.settings == Settings.defaults)
        #expect(configuration.values.allSatisfy { $0.source == .builtIn })
        let defaults = Settings.defaults
        #expect(defaults.server.listen == .unix(path: "var/run/gacetachat.sock"))
        #expect(defaults.server.socketOwner == nil)
        #expect(defaults.server.socketMode == 0o660)
        #expect(defaults.server.maxBodySize == 1_048_576)
        #expect(defaults.server.debug == false)
        #expect(defaults.server.secretKey == nil)
        #expect(
            defaults.pool
                == PoolSettings(
                    processManager: .static, workers: 3, startServers: 2, minSpareServers: 1, maxSpareServers: 3,
                    processIdleTimeout: .seconds(10), maxSpawnRate: 32, maxWorkerMemory: 0, bootTimeout: .seconds(10),
                    gracefulTimeout: .seconds(30), listenBacklog: 511,
                    maxRequests: 0, maxRequestsJitter: 0, requestTerminateTimeout: .zero,
                    requestSlowlogTimeout: .zero, statusListen: nil))
        #expect(defaults.log == LogSettings(level: .info, file: nil, chatQuestions: false))
        #expect(defaults.storage == StorageSettings(filesDirectory: "var/files"))
        #expect(defaults.database.url == "sqlite:var/db/gacetachat.db")
        #expect(
            defaults.llm
                == LLMSettings(
                    baseURL: nil, model: nil, apiKey: nil, timeout: .seconds(30), maxTokens: 400, temperature: 0.2))
        #expect(defaults.chat == ChatSettings(maxQuestionLength: 1000, maxTurns: 20, retention: .seconds(720 * 3600)))
    }

    @Test func emptyValueUnsetsAnOptionalKey() throws {
        let configuration = try load(
            "[log]\nfile = /var/log/g.log\n[development]\nlog.file =\n",
            environment: ["GACETACHAT_SERVER_SOCKET_GROUP": ""])
        #expect(configuration.settings.log.file == nil)
        #expect(configuration.value(for: "log.file")?.display == "(unset)")
        #expect(configuration.settings.server.socketGroup == nil)
    }
}
