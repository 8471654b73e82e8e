import Foundation
import Testing

@testable import GacetaConfig

/// The shipped `conf/gacetachat.ini` (at the package root in this package and in the main repository).
@Suite struct ShippedConfigurationTests {
    /// `<root>/conf/gacetachat.ini`, found from this file at `<root>/Tests/GacetaConfigTests/`.
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private func loader(_ environment: [String: String] = [:]) -> ConfigurationLoader {
        ConfigurationLoader(
            environment: environment, currentDirectory: Self.root, systemConfigFile: "/nonexistent/gacetachat.ini")
    }

    @Test func isFoundByTheSearch() throws {
        let configuration = try loader().load()
        #expect(configuration.file == "conf/gacetachat.ini")
    }

    @Test func loadsForDevelopment() throws {
        let settings = try loader().load(profile: "development").settings
        #expect(settings.server.debug)
        #expect(settings.pool.workers == 3)
        #expect(settings.log.level == .debug)
        #expect(settings.server.listen == .unix(path: "var/run/gacetachat.sock"))
        #expect(settings.database.url == "sqlite:var/db/gacetachat.db")
    }

    @Test func loadsForTesting() throws {
        let settings = try loader().load(profile: "testing").settings
        #expect(!settings.server.debug)
        #expect(settings.pool.workers == 2)
        #expect(settings.log.level == .warning)
        #expect(settings.server.listen == .unix(path: "var/run/gacetachat-test.sock"))
        #expect(settings.database.url == "sqlite:var/db/test.db")
    }

    @Test func loadsForProductionWithASecretKey() throws {
        let configuration = try loader(["SECRET_KEY": goodSecretKey]).load(profile: "production")
        let settings = configuration.settings
        #expect(!settings.server.debug)
        #expect(settings.server.listen == .unix(path: "/run/gacetachat/gacetachat.sock"))
        #expect(settings.server.socketGroup == "www-data")
        #expect(settings.server.socketMode == 0o660)
        #expect(settings.pool.workers == 8)
        #expect(settings.log.level == .info)
        // In its own 0700 directory: the 0711 state directory shows nginx only files/.
        #expect(settings.database.url == "sqlite:///var/lib/gacetachat/db/gacetachat.db")
        #expect(settings.storage.filesDirectory == "/var/lib/gacetachat/files")
        #expect(configuration.value(for: "server.secret_key")?.source == .environment("SECRET_KEY"))
    }

    @Test func productionWithoutSecretKeyFailsOnlyForThat() throws {
        let loader = loader()
        let errors = try #require(throws: ConfigurationErrors.self) { try loader.load(profile: "production") }
        #expect(errors.errors.count == 1)
        #expect(errors.description.hasPrefix("missing required value server.secret_key"))
    }

    @Test func documentsEveryKeyInItsBaseSection() throws {
        let text = try String(contentsOfFile: Self.root + "/conf/gacetachat.ini", encoding: .utf8)
        for key in ConfigurationSchema.keys {
            let documented =
                text.contains("\n\(key.name) = ") || text.contains("\n\(key.name) =\n")
                || text.contains("\n; \(key.name) =")
            #expect(documented, "\(key.path) is not shown in conf/gacetachat.ini")
        }
    }
}
