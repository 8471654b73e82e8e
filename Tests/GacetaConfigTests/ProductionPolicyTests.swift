import Testing

@testable import GacetaConfig

/// What the production profile refuses, and that it starts when everything is in order.
@Suite struct ProductionPolicyTests {
    private let goodProduction = """
        [production]
        server.debug = false
        server.socket_mode = 0660
        """

    @Test func startsWithAGoodSecretKey() throws {
        let configuration = try load(goodProduction, profile: "production", environment: ["SECRET_KEY": goodSecretKey])
        #expect(configuration.settings.profile == .production)
        #expect(configuration.settings.server.secretKey == goodSecretKey)
    }

    @Test func refusesAMissingSecretKey() throws {
        let error = try loadError(goodProduction, profile: "production")
        #expect(
            error.message.hasPrefix(
                "missing required value server.secret_key (the production profile needs a "
                    + "secret key of at least 32 characters; set SECRET_KEY in the environment"))
        #expect(error.message.contains("or server.secret_key under [production]"))
        #expect(error.location == nil)
    }

    @Test func refusesAShortSecretKeyAndSaysWhereItCameFrom() throws {
        let error = try loadError(
            goodProduction + "\nserver.secret_key = short-secret\n", profile: "production")
        #expect(
            error.message.hasPrefix(
                "server.secret_key is too short for the production profile (12 characters, "
                    + "at least 32 needed) in conf/test.ini:4"))
        #expect(!error.message.contains("short-secret"))
        let fromEnvironment = try loadError(
            goodProduction, profile: "production", environment: ["SECRET_KEY": String(repeating: "k", count: 31)])
        #expect(fromEnvironment.message.contains("(31 characters, at least 32 needed) in env SECRET_KEY"))
    }

    @Test func refusesDebug() throws {
        let error = try loadError(
            goodProduction, profile: "production",
            environment: ["SECRET_KEY": goodSecretKey, "GACETACHAT_SERVER_DEBUG": "on"])
        #expect(
            error.message == "server.debug is on in the production profile in env GACETACHAT_SERVER_DEBUG "
                + "(debug pages show internals to anyone; set server.debug = false under [production])")
        #expect(error.location == .environment("GACETACHAT_SERVER_DEBUG"))
    }

    @Test func refusesAWideSocketMode() throws {
        let error = try loadError(
            "[server]\nsocket_mode = 0666\n", profile: "production", environment: ["SECRET_KEY": goodSecretKey])
        #expect(
            error.message.hasPrefix(
                "server.socket_mode 0666 is wider than 0660 in the production profile in conf/test.ini:2 ("))
        #expect(error.message.contains("set server.socket_mode = 0660 under [production]"))
        let executeBit = try loadError(
            "[production]\nserver.socket_mode = 0670\n", profile: "production",
            environment: ["SECRET_KEY": goodSecretKey])
        #expect(executeBit.message.contains("server.socket_mode 0670 is wider than 0660"))
    }

    @Test func narrowerSocketModesAreFine() throws {
        for mode in ["0600", "0660", "0640", "0"] {
            let configuration = try load(
                "[server]\nsocket_mode = \(mode)\n", profile: "production", environment: ["SECRET_KEY": goodSecretKey])
            #expect(configuration.settings.server.socketMode & ~0o660 == 0)
        }
    }

    @Test func socketModeDoesNotMatterForTCP() throws {
        let configuration = try load(
            "[server]\nlisten = 127.0.0.1:9000\nsocket_mode = 0777\n", profile: "production",
            environment: ["SECRET_KEY": goodSecretKey])
        #expect(configuration.settings.server.listen == .tcp(host: "127.0.0.1", port: 9000))
    }

    @Test func allRefusalsAreReportedTogether() throws {
        let errors = try loadErrors(
            "[production]\nserver.debug = true\nserver.socket_mode = 0777\n", profile: "production")
        #expect(errors.count == 3)
        #expect(errors[1].location == .profile(path: testFile, line: 2, profile: .production))
        #expect(errors[2].location == .profile(path: testFile, line: 3, profile: .production))
    }

    @Test func otherProfilesDoNotRefuse() throws {
        let ini = "[server]\ndebug = true\nsocket_mode = 0777\n"
        #expect(try load(ini).settings.server.debug)
        #expect(try load(ini, profile: "testing").settings.server.socketMode == 0o777)
    }
}
