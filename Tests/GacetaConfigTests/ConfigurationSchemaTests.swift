import Testing

@testable import GacetaConfig

@Suite struct ConfigurationSchemaTests {
    @Test func everyDefaultIsValid() {
        for key in ConfigurationSchema.keys {
            #expect(ConfigurationBuilder.validate(key, key.defaultValue, from: .builtIn) == nil, "\(key.path)")
            #expect(key.parse(key.example) != nil, "example of \(key.path)")
            #expect(!key.doc.isEmpty, "\(key.path)")
        }
    }

    @Test func keysAreUniqueAndInKnownSections() {
        let paths = ConfigurationSchema.keys.map(\.path)
        #expect(Set(paths).count == paths.count)
        #expect(ConfigurationSchema.keys.allSatisfy { ConfigurationSchema.sections.contains($0.section) })
        #expect(Set(ConfigurationSchema.keys.map(\.environmentName)).count == paths.count)
    }

    @Test func conventionalEnvironmentNames() {
        let names = ConfigurationSchema.keys.compactMap { key in key.conventionalEnvironment.map { (key.path, $0) } }
        #expect(names.map(\.0) == ["server.secret_key", "log.level", "database.url", "llm.api_key"])
        #expect(names.map(\.1) == ["SECRET_KEY", "LOG_LEVEL", "DATABASE_URL", "OPENAI_API_KEY"])
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "wokers", in: ["workers", "boot_timeout"]) == "workers")
        #expect(Suggestion.closest(to: "prod", in: ["development", "production", "testing"]) == "production")
        #expect(Suggestion.closest(to: "xyz", in: ["workers"]) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
    }
}
