import Testing

@testable import GacetaConfig

@Suite struct ReportTests {
    @Test func secretsAreRedacted() throws {
        let apiKey = "sk-live-abcdefghijklmnopqrstuvwxyz0123456789"
        let configuration = try load(
            "[server]\nsecret_key = \(goodSecretKey)\n", profile: "production",
            environment: ["OPENAI_API_KEY": apiKey])
        let report = configuration.report()
        #expect(!report.contains(goodSecretKey))
        #expect(!report.contains(apiKey))
        #expect(report.contains("<redacted, \(goodSecretKey.count) characters>"))
        #expect(report.contains("<redacted, \(apiKey.count) characters>"))
        #expect(configuration.value(for: "llm.api_key")?.display == "<redacted, \(apiKey.count) characters>")
        #expect(configuration.value(for: "llm.api_key")?.isSecret == true)
        #expect(configuration.values.filter(\.isSecret).allSatisfy { !$0.display.contains("sk-") })
    }

    @Test func reportShowsProfileFileAndEverySource() throws {
        let configuration = try load(
            "[pool]\nworkers = 4\n[development]\nlog.level = debug\n", environment: ["LOG_LEVEL": "trace"],
            overrides: [CommandLineOverride(key: "server.debug", value: "true", flag: "--debug")])
        let report = configuration.report()
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "; profile: development (built-in)")
        #expect(lines[1] == "; file:    conf/test.ini")
        #expect(lines.contains("[pool]"))
        #expect(
            lines.contains {
                $0.hasPrefix("pm.max_children ") && $0.hasSuffix("; conf/test.ini:2") && $0.contains("= 4")
            })
        #expect(lines.contains { $0.hasPrefix("level ") && $0.hasSuffix("; env LOG_LEVEL") && $0.contains("= trace") })
        #expect(lines.contains { $0.hasPrefix("debug ") && $0.hasSuffix("; flag --debug") })
        #expect(lines.contains { $0.hasPrefix("secret_key ") && $0.contains("= (unset)") })
        let keyLines = lines.filter { $0.contains(" = ") }
        #expect(
            keyLines.count == ConfigurationSchema.keys.filter { $0.aliasOf == nil }.count, "older names not repeated")
        let equalsColumns = Set(keyLines.compactMap { $0.firstRange(of: " = ")?.lowerBound.utf16Offset(in: $0) })
        #expect(equalsColumns.count == 1, "'=' signs are aligned")
        let commentColumns = Set(keyLines.compactMap { $0.firstRange(of: "  ; ")?.lowerBound.utf16Offset(in: $0) })
        #expect(commentColumns.count == 1, "sources are aligned")
    }

    @Test func reportWithoutFile() throws {
        let report = try Sandbox().loader(environment: ["GACETACHAT_PROFILE": "testing"]).load().report()
        #expect(report.hasPrefix("; profile: testing (env GACETACHAT_PROFILE)\n; file:    (none;"))
    }
}
