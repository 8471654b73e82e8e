import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 15, fuzzing as a routine: schemathesis (PyPI, pinned; `scripts/install-deps test` puts it in
    /// .build/schemathesis-venv) runs every check against the real stack from the served OpenAPI description,
    /// 25 examples an operation, a fixed seed, rate limits raised for the run, admin routes left out. It must
    /// report no failure: no 500, 502 or 504, every status and body as described (a 503 only with a code the
    /// description gives). `Tests/schemathesis.toml` says which 400s of the search are expected.
    @Suite struct SchemathesisTests {
        static let executable = "\(Paths.repository)/.build/schemathesis-venv/bin/schemathesis"

        @Test(
            .enabled(
                if: FileManager.default.isExecutableFile(atPath: executable),
                "schemathesis is not installed: scripts/install-deps test"))
        func theLiveStackPassesEverySchemathesisCheck() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            stack.editNginxConfiguration = { conf in
                conf.replacingOccurrences(of: #"rate=[0-9]+r/[ms]"#, with: "rate=10000r/s", options: .regularExpression)
            }
            let pdf = "\(stack.directory)/gaceta-150.pdf"
            try GazettePDF.write(
                to: pdf, number: 150, date: "12 de agosto del 2024", weekday: "Lunes", firstPrinted: 1,
                pages: ["El Consejo Nacional de Salarios fija el salario mínimo de las trabajadoras domésticas."])
            try Shell.run(try Paths.binary(), ["ingest", pdf], environment: stack.poolEnvironment)
                .expectSuccess("ingest")
            try Shell.run(
                try Paths.binary(), ["summarize", "--date", "2024-08-12"], environment: stack.poolEnvironment
            )
            .expectSuccess("summarize")
            try stack.start()
            let base = "https://127.0.0.1:\(stack.httpsPort)"
            var environment = ProcessInfo.processInfo.environment
            environment["SCHEMATHESIS_HOOKS"] = nil
            let result = try Shell.run(
                Self.executable,
                [
                    "--config-file", "\(Paths.repository)/Tests/schemathesis.toml",
                    "run", "\(base)/api/v1/openapi.json", "--url", base, "--tls-verify", stack.caPath, "--checks",
                    "all",
                    "--max-examples", "25", "--seed", "20261207", "--exclude-tag", "admin", "--workers", "1",
                    "--request-timeout", "30", "--no-color",
                ], environment: environment, currentDirectory: stack.directory)
            #expect(result.status == 0, "schemathesis found failures:\n\(result.output)")
            #expect(result.stdout.contains("passed"), "\(result.output)")
        }
    }
}
