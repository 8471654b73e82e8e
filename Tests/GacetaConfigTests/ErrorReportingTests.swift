import Testing

@testable import GacetaConfig

/// Every kind of error names the file and line (or variable, or flag) and, where it can, a fix.
@Suite struct ErrorReportingTests {
    @Test func malformedLine() throws {
        let error = try loadError("[pool]\nworkers 3\n")
        #expect(
            error.message == "malformed line 'workers 3' in conf/test.ini:2 "
                + "(expected 'key = value', a [section] header or a comment starting with ';' or '#')")
        #expect(error.location == .file(path: testFile, line: 2))
    }

    @Test func unterminatedSectionHeader() throws {
        let error = try loadError("; header below\n[pool\nworkers = 3\n")
        #expect(error.message == "unterminated section header '[pool' in conf/test.ini:2 (close it with ']')")
    }

    @Test func unterminatedQuote() throws {
        let error = try loadError("[llm]\n\nmodel = \"gpt\n")
        #expect(error.message == "unterminated quoted value in conf/test.ini:3 (add the closing '\"')")
    }

    @Test func unknownSectionWithSuggestion() throws {
        let error = try loadError("[server]\n[pol]\nworkers = 3\n")
        #expect(error.message == "unknown section [pol] in conf/test.ini:2 (did you mean [pool]?)")
        let prefix = try loadError("[prod]\n")
        #expect(prefix.message == "unknown section [prod] in conf/test.ini:1 (did you mean [production]?)")
    }

    @Test func unknownSectionWithoutSuggestion() throws {
        let error = try loadError("\n[zzz]\n")
        #expect(error.message.hasPrefix("unknown section [zzz] in conf/test.ini:2 (expected one of [server], [pool]"))
    }

    @Test func unknownKeyWithSuggestion() throws {
        let error = try loadError("[pool]\nworkers = 3\nwokers = 4\n")
        #expect(error.message == "unknown key 'wokers' in conf/test.ini:3 (did you mean 'workers'?)")
        #expect(error.location == .file(path: testFile, line: 3))
    }

    @Test func unknownKeyWithoutSuggestionListsTheSection() throws {
        let error = try loadError("[log]\ncolour = yes\n")
        #expect(error.message == "unknown key 'colour' in conf/test.ini:2 ([log] accepts level, file, chat_questions)")
    }

    @Test func unknownKeyInProfileSection() throws {
        let error = try loadError("[production]\n\npool.wokers = 8\n")
        #expect(error.message == "unknown key 'pool.wokers' in conf/test.ini:3 (did you mean 'pool.workers'?)")
        #expect(error.location == .profile(path: testFile, line: 3, profile: .production))
    }

    @Test func profileKeyWithoutSection() throws {
        let error = try loadError("[testing]\nworkers = 2\n")
        #expect(
            error.message
                == "key 'workers' in [testing] does not name its section in conf/test.ini:2 "
                + "(did you mean 'pool.workers'?)"
        )
    }

    @Test func keyOutsideAnySection() throws {
        let error = try loadError("workers = 2\n[pool]\n")
        #expect(error.message.hasPrefix("key 'workers' outside of any section in conf/test.ini:1"))
    }

    @Test func duplicateKeyNamesTheFirstLine() throws {
        let error = try loadError("[pool]\nworkers = 3\n\n[log]\n[pool]\nworkers = 4\n")
        #expect(
            error.message
                == "duplicate key 'workers' in [pool] in conf/test.ini:6 (first set at line 2; remove one of them)")
        let profile = try loadError("[production]\npool.workers = 3\npool.workers = 4\n")
        #expect(profile.message.contains("duplicate key 'pool.workers' in [production] in conf/test.ini:3"))
        #expect(profile.message.contains("first set at line 2"))
    }

    @Test func sameKeyInBaseAndProfileIsNotADuplicate() throws {
        #expect(try load("[pool]\nworkers = 3\n[development]\npool.workers = 4\n").settings.pool.workers == 4)
    }

    @Test func badValueSaysTheTypeAndAnExample() throws {
        let error = try loadError("[pool]\nworkers = 0\n")
        #expect(
            error.message == "invalid value '0' for pool.workers in conf/test.ini:2 "
                + "(expected an integer from 1 to 256, e.g. 'workers = 3')")
        let size = try loadError("[server]\nmax_body_size = 10 MB\n")
        #expect(
            size.message == "invalid value '10 MB' for server.max_body_size in conf/test.ini:2 "
                + "(expected a size in bytes with an optional k, m or g suffix, like 512, 64k, 1m or 1g, "
                + "e.g. 'max_body_size = 1m')")
        let profile = try loadError("[production]\nserver.listen = localhost\n")
        #expect(profile.message.hasPrefix("invalid value 'localhost' for server.listen in conf/test.ini:2 (expected "))
        #expect(profile.message.hasSuffix("e.g. 'server.listen = unix:var/run/gacetachat.sock')"))
    }

    @Test func secretKeysAreMarked() {
        let key = ConfigurationSchema.key("server.secret_key")
        #expect(key?.isSecret == true)
        #expect(
            ConfigurationSchema.keys.filter(\.isSecret).map(\.path) == [
                "server.secret_key", "llm.api_key", "mail.password",
            ])
    }

    @Test func missingValue() throws {
        let error = try loadError("[pool]\nworkers =\n")
        #expect(
            error.message == "missing value for pool.workers in conf/test.ini:2 "
                + "(expected an integer from 1 to 256, e.g. 'workers = 3')")
        let quoted = try loadError("[database]\nurl = \"\"\n")
        #expect(quoted.message.hasPrefix("missing value for database.url in conf/test.ini:2"))
    }

    @Test func inactiveProfileSectionsAreValidated() throws {
        let errors = try loadErrors("[production]\npool.workers = eight\n[testing]\nlog.levle = debug\n")
        #expect(
            errors.map(\.message) == [
                "invalid value 'eight' for pool.workers in conf/test.ini:2 (expected an integer from 1 to 256, "
                    + "e.g. 'pool.workers = 3')",
                "unknown key 'log.levle' in conf/test.ini:4 (did you mean 'log.level'?)",
            ])
    }

    @Test func commandLineErrorsNameTheFlag() throws {
        let errors = try loadErrors(
            "",
            overrides: [
                CommandLineOverride(key: "pool.wokers", value: "3", flag: "--set pool.wokers=3"),
                CommandLineOverride(key: "pool.workers", value: "zero", flag: "--workers"),
            ])
        #expect(
            errors.map(\.message) == [
                "unknown key 'pool.wokers' in flag --set pool.wokers=3 (did you mean 'pool.workers'?)",
                "invalid value 'zero' for pool.workers in flag --workers (expected an integer from 1 to 256, e.g. '3')",
            ])
        #expect(errors.map(\.location) == [.commandLine("--set pool.wokers=3"), .commandLine("--workers")])
    }

    @Test func allErrorsOfALoadAreCollected() throws {
        let errors = try loadErrors(
            """
            [pool]
            wokers = 3
            workers = many
            [pol]
            [log]
            level =
            [server]
            listen = ${UNSET}
            broken line
            """,
            environment: ["GACETACHAT_LOG_LEVLE": "debug"],
            overrides: [CommandLineOverride(key: "server.debug", value: "maybe", flag: "--debug")])
        #expect(errors.count == 8)
        #expect(errors.compactMap(\.location?.line) == [2, 3, 4, 6, 8, 9])
        #expect(errors[6].message.contains("GACETACHAT_LOG_LEVLE"))
        #expect(errors[7].message.contains("flag --debug"))
        let description = ConfigurationErrors(errors: errors).description
        #expect(description.split(separator: "\n").count == 8)
        #expect(description.split(separator: "\n").first?.hasPrefix("unknown key 'wokers' in conf/test.ini:2") == true)
    }

    @Test func validValuesStillApplyNextToErrors() throws {
        var builder = ConfigurationBuilder(profile: .development, environment: [:])
        builder.apply(IniParser.parse("[pool]\nworkers = 6\nboot_timeout = soon\n"), path: testFile)
        #expect(builder.errors.count == 1)
        #expect(builder.settings().pool.workers == 6)
        #expect(builder.settings().pool.bootTimeout == .seconds(10))
    }
}
