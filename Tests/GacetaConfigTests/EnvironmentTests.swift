import Testing

@testable import GacetaConfig

@Suite struct EnvironmentTests {
    @Test func conventionalNames() throws {
        let configuration = try load(
            "",
            environment: [
                "DATABASE_URL": "postgresql://gacetachat@/gacetachat", "SECRET_KEY": goodSecretKey,
                "LOG_LEVEL": "DEBUG", "OPENAI_API_KEY": "sk-test-123",
            ])
        let settings = configuration.settings
        #expect(settings.database.url == "postgresql://gacetachat@/gacetachat")
        #expect(settings.server.secretKey == goodSecretKey)
        #expect(settings.log.level == .debug)
        #expect(settings.llm.apiKey == "sk-test-123")
        #expect(configuration.value(for: "database.url")?.source == .environment("DATABASE_URL"))
        #expect(configuration.value(for: "server.secret_key")?.source == .environment("SECRET_KEY"))
        #expect(configuration.value(for: "log.level")?.source == .environment("LOG_LEVEL"))
        #expect(configuration.value(for: "llm.api_key")?.source == .environment("OPENAI_API_KEY"))
    }

    @Test func gacetachatNameWinsOverConventionalName() throws {
        let configuration = try load(
            "", environment: ["LOG_LEVEL": "debug", "GACETACHAT_LOG_LEVEL": "error"])
        #expect(configuration.settings.log.level == .error)
        #expect(configuration.value(for: "log.level")?.source == .environment("GACETACHAT_LOG_LEVEL"))
        let both = try load("", environment: ["DATABASE_URL": "sqlite:a.db", "GACETACHAT_DATABASE_URL": "sqlite:b.db"])
        #expect(both.settings.database.url == "sqlite:b.db")
    }

    @Test func conventionalNameBeatsFile() throws {
        let configuration = try load("[log]\nlevel = info\n", environment: ["LOG_LEVEL": "notice"])
        #expect(configuration.settings.log.level == .notice)
    }

    @Test func emptyConventionalVariableIsIgnored() throws {
        let configuration = try load("[database]\nurl = sqlite:file.db\n", environment: ["DATABASE_URL": ""])
        #expect(configuration.settings.database.url == "sqlite:file.db")
    }

    @Test func everyKeyHasAnEnvironmentName() throws {
        let configuration = try load(
            "",
            environment: [
                "GACETACHAT_SERVER_LISTEN": "127.0.0.1:9000", "GACETACHAT_SERVER_MAX_BODY_SIZE": "2m",
                "GACETACHAT_POOL_BOOT_TIMEOUT": "1m", "GACETACHAT_LLM_BASE_URL": "https://llm.example/v1",
            ])
        #expect(configuration.settings.server.listen == .tcp(host: "127.0.0.1", port: 9000))
        #expect(configuration.settings.server.maxBodySize == 2_097_152)
        #expect(configuration.settings.pool.bootTimeout == .seconds(60))
        #expect(configuration.settings.llm.baseURL == "https://llm.example/v1")
        #expect(ConfigurationSchema.key("server.max_body_size")?.environmentName == "GACETACHAT_SERVER_MAX_BODY_SIZE")
    }

    @Test func unknownGacetachatVariableIsAnErrorWithSuggestion() throws {
        let error = try loadError("", environment: ["GACETACHAT_POOL_WOKERS": "5"])
        #expect(
            error.message
                == "unknown environment variable GACETACHAT_POOL_WOKERS (did you mean GACETACHAT_POOL_WORKERS?)")
        #expect(error.location == .environment("GACETACHAT_POOL_WOKERS"))
    }

    @Test func unknownGacetachatVariableWithoutSuggestion() throws {
        let error = try loadError("", environment: ["GACETACHAT_ZZZ": "1"])
        #expect(error.message.contains("unknown environment variable GACETACHAT_ZZZ"))
        #expect(error.message.contains("GACETACHAT_SECTION_KEY"))
    }

    @Test func controlVariablesAreNotUnknown() throws {
        let sandbox = try Sandbox()
        try sandbox.write("other.ini", "[pool]\nworkers = 9\n")
        let configuration = try sandbox.loader(
            environment: ["GACETACHAT_PROFILE": "testing", "GACETACHAT_CONFIG": "other.ini", "UNRELATED": "x"]
        ).load()
        #expect(configuration.settings.pool.workers == 9)
        #expect(configuration.settings.profile == .testing)
    }

    @Test func badEnvironmentValueNamesTheVariable() throws {
        let error = try loadError("", environment: ["GACETACHAT_POOL_WORKERS": "many"])
        #expect(
            error.message == "invalid value 'many' for pool.workers in env GACETACHAT_POOL_WORKERS "
                + "(expected an integer from 1 to 256, e.g. GACETACHAT_POOL_WORKERS=3)")
        let level = try loadError("", environment: ["LOG_LEVEL": "verbose"])
        #expect(level.message.contains("invalid value 'verbose' for log.level in env LOG_LEVEL"))
        #expect(level.message.contains("trace, debug, info, notice, warning, error, critical"))
    }

    @Test func emptyGacetachatVariableForRequiredKeyIsMissing() throws {
        let error = try loadError("", environment: ["GACETACHAT_POOL_WORKERS": ""])
        #expect(error.message.hasPrefix("missing value for pool.workers in env GACETACHAT_POOL_WORKERS"))
    }
}
