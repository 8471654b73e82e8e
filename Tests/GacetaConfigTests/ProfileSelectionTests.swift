import Testing

@testable import GacetaConfig

/// `--profile` > `GACETACHAT_PROFILE` > development.
@Suite struct ProfileSelectionTests {
    @Test func defaultsToDevelopment() throws {
        let configuration = try Sandbox().loader().load()
        #expect(configuration.settings.profile == .development)
        #expect(configuration.profileSource == .builtIn)
    }

    @Test func fromEnvironment() throws {
        let configuration = try Sandbox().loader(environment: ["GACETACHAT_PROFILE": "testing"]).load()
        #expect(configuration.settings.profile == .testing)
        #expect(configuration.profileSource == .environment("GACETACHAT_PROFILE"))
    }

    @Test func argumentBeatsEnvironment() throws {
        let configuration = try Sandbox().loader(environment: ["GACETACHAT_PROFILE": "production"])
            .load(profile: "testing")
        #expect(configuration.settings.profile == .testing)
        #expect(configuration.profileSource == .commandLine("--profile"))
    }

    @Test func emptyEnvironmentVariableMeansUnset() throws {
        let configuration = try Sandbox().loader(environment: ["GACETACHAT_PROFILE": ""]).load()
        #expect(configuration.settings.profile == .development)
    }

    @Test func unknownProfileFromEnvironment() throws {
        let loader = try Sandbox().loader(environment: ["GACETACHAT_PROFILE": "prod"])
        let errors = try #require(throws: ConfigurationErrors.self) { try loader.load() }
        #expect(
            errors.errors.map(\.message) == [
                "unknown profile 'prod' (from GACETACHAT_PROFILE); expected development, production or testing "
                    + "(did you mean 'production'?)"
            ])
        #expect(errors.errors.first?.location == .environment("GACETACHAT_PROFILE"))
    }

    @Test func unknownProfileFromArgumentIsReportedWithOtherErrors() throws {
        let errors = try loadErrors("[pool]\nworkers = 0\n", profile: "testin")
        #expect(errors.count == 2)
        #expect(
            errors.first?.message == "unknown profile 'testin' (from --profile); expected development, "
                + "production or testing (did you mean 'testing'?)")
        #expect(errors.last?.message.contains("conf/test.ini:2") == true)
    }

    @Test func unknownProfileWithoutSuggestion() throws {
        let errors = try loadErrors("", profile: "staging")
        #expect(
            errors.map(\.message) == [
                "unknown profile 'staging' (from --profile); expected development, production or testing"
            ])
    }
}
