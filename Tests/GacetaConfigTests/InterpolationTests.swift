import Testing

@testable import GacetaConfig

@Suite struct InterpolationTests {
    private func expand(_ text: String, _ environment: [String: String] = [:]) -> Result<String, Interpolation.Failure>
    {
        Interpolation.expand(text, environment: environment)
    }

    @Test func substitutions() {
        let environment = ["HOST": "db.local", "EMPTY": ""]
        #expect(expand("postgresql://${HOST}/g", environment) == .success("postgresql://db.local/g"))
        #expect(expand("${MISSING:-fallback}", environment) == .success("fallback"))
        #expect(expand("${EMPTY:-fallback}", environment) == .success("fallback"))
        #expect(expand("${HOST:-fallback}", environment) == .success("db.local"))
        #expect(expand("${MISSING:-}", environment) == .success(""))
        #expect(expand("${EMPTY}", environment) == .success(""))
        #expect(expand("price $$5 and $${HOST}", environment) == .success("price $5 and ${HOST}"))
        #expect(expand("no dollars", environment) == .success("no dollars"))
    }

    @Test func failures() throws {
        let cases: [(String, String)] = [
            ("${MISSING}", "environment variable 'MISSING' is not set"),
            ("${HOST", "unterminated '${'"),
            ("${}", "empty variable name"),
            ("${:-x}", "empty variable name"),
            ("${1ABC}", "invalid variable name '1ABC'"),
            ("${A-B}", "invalid variable name 'A-B'"),
            ("$HOME", "'$' not followed by '{' or '$'"),
            ("cost$", "'$' not followed by '{' or '$'"),
        ]
        for (text, problem) in cases {
            guard case .failure(let failure) = expand(text) else {
                Issue.record("expected '\(text)' to fail")
                continue
            }
            #expect(failure.problem.contains(problem), "\(text): \(failure.problem)")
        }
    }

    @Test func valuesInTheFileAreInterpolated() throws {
        let configuration = try load(
            """
            [database]
            url = postgresql://${DB_USER}@/gacetachat?host=${DB_HOST:-/run/postgresql}
            [llm]
            model = "cost $$ ${MODEL}"
            [development]
            pool.workers = ${WORKERS:-4}
            """,
            environment: ["DB_USER": "gaceta", "MODEL": "mini"])
        #expect(configuration.settings.database.url == "postgresql://gaceta@/gacetachat?host=/run/postgresql")
        #expect(configuration.settings.llm.model == "cost $ mini")
        #expect(configuration.settings.pool.workers == 4)
        #expect(configuration.value(for: "database.url")?.source == .file(path: testFile, line: 2))
    }

    @Test func interpolatedValueIsStillValidated() throws {
        let error = try loadError("[pool]\nworkers = ${WORKERS}\n", environment: ["WORKERS": "lots"])
        #expect(error.message.hasPrefix("invalid value 'lots' for pool.workers in conf/test.ini:2"))
    }

    @Test func unsetVariableIsAnErrorWithFileAndLine() throws {
        let error = try loadError("[server]\n\nlisten = ${LISTEN}\n")
        #expect(
            error.message == "environment variable 'LISTEN' is not set in conf/test.ini:3 "
                + "(set it, or give a fallback with ${LISTEN:-VALUE})")
        #expect(error.location == .file(path: testFile, line: 3))
    }

    @Test func unterminatedIsAnErrorWithFileAndLine() throws {
        let error = try loadError("[development]\npool.workers = ${WORKERS\n")
        #expect(error.message == "unterminated '${' in conf/test.ini:2 (close it with '}')")
        #expect(error.location == .profile(path: testFile, line: 2, profile: .development))
    }

    @Test func invalidNameIsAnErrorWithFileAndLine() throws {
        let errors = try loadErrors("[llm]\nmodel = ${}\nbase_url = ${9X}\n")
        #expect(
            errors.map(\.message) == [
                "empty variable name in '${}' in conf/test.ini:2 (write ${NAME})",
                "invalid variable name '9X' in '${9X}' in conf/test.ini:3 "
                    + "(names are letters, digits and '_', not starting with a digit)",
            ])
    }
}
