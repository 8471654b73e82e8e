import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// `gacetachat fetch` against real nginx serving a generated `pub/` tree, into the database of a running pool.
    @Suite struct FetchTests {
        /// Wednesday 17 July 2024 is "today" (`--today`, in Costa Rica): the range covers two weeks before it.
        static let today = "2024-07-17"
        static let months = ["07": "julio"]

        /// Every date of the range with the state it must end in.
        static let expected: [(date: String, state: String)] = [
            ("2024-07-03", "stored"),  // a 500, then the edition on the retry
            ("2024-07-04", "failed"),  // slower than fetch.timeout (limit_rate)
            ("2024-07-05", "failed"),  // over fetch.max_size
            ("2024-07-06", "no_edition"),  // Saturday
            ("2024-07-07", "no_edition"),  // Sunday
            ("2024-07-08", "stored"),  // Nº 120 after Nº 117: a gap
            ("2024-07-09", "failed"),  // truncated
            ("2024-07-10", "no_edition"),  // a 404 a week ago
            ("2024-07-11", "stored"),  // edition + an Alcance in the listing
            ("2024-07-12", "stored"),  // edition + an Alcance found by trying numbers (no listing)
            ("2024-07-13", "no_edition"),
            ("2024-07-14", "no_edition"),
            ("2024-07-15", "no_edition"),  // the holiday placeholder
            ("2024-07-16", "failed"),  // an HTML error page with status 200
            ("2024-07-17", "not_yet"),  // a 404 today
        ]

        static func name(_ prefix: String, _ date: String) -> String {
            let parts = date.split(separator: "-")
            return "\(prefix)_\(parts[2])_\(parts[1])_\(parts[0]).pdf"
        }

        static func edition(_ number: Int, _ date: String, in directory: String) throws -> Data {
            let parts = date.split(separator: "-")
            let path = "\(directory)/edition-\(number)-\(date).pdf"
            try GazettePDF.write(
                to: path, number: number, date: "\(Int(parts[2]) ?? 0) de \(months[String(parts[1])] ?? "") del 2024",
                firstPrinted: 1,
                pages: [
                    "Decreto número \(number) sobre la tarifa del agua potable del cantón.",
                    "Aviso de licitación pública \(number) del Ministerio de Obras Públicas.",
                ])
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }

        static func placeholder(in directory: String) throws -> Data {
            let source = "\(directory)/placeholder.ms"
            try ".LP\nLa Gaceta\n.LP\nLunes 15 de julio del 2024\n.LP\nHoy no se publica: feriado.\n".write(
                toFile: source, atomically: true, encoding: .utf8)
            let result = try Shell.run("groff", ["-k", "-Tpdf", "-ms", source])
            try result.expectSuccess("groff")
            return result.stdoutData
        }

        /// The tree: see `expected`.
        static func publisher(scratch: String) throws -> PublisherServer {
            let publisher = try PublisherServer()
            try publisher.put(
                try edition(117, "2024-07-03", in: scratch), date: "2024-07-03", name: name("COMP", "2024-07-03"))
            try publisher.put(
                try edition(118, "2024-07-04", in: scratch), date: "2024-07-04", name: name("COMP", "2024-07-04"))
            var big = try edition(119, "2024-07-05", in: scratch)
            big.append(Data(String(repeating: "% padding after the end of the file\n", count: 4000).utf8))
            try publisher.put(big, date: "2024-07-05", name: name("COMP", "2024-07-05"))
            try publisher.put(
                try edition(120, "2024-07-08", in: scratch), date: "2024-07-08", name: name("COMP", "2024-07-08"))
            let whole = try edition(121, "2024-07-09", in: scratch)
            try publisher.put(whole.prefix(whole.count / 2), date: "2024-07-09", name: name("COMP", "2024-07-09"))
            try publisher.put(
                try edition(121, "2024-07-11", in: scratch), date: "2024-07-11", name: name("COMP", "2024-07-11"))
            try publisher.put(
                try edition(5, "2024-07-11", in: scratch), date: "2024-07-11", name: name("ALCA5", "2024-07-11"))
            try publisher.put(
                try edition(122, "2024-07-12", in: scratch), date: "2024-07-12", name: name("COMP", "2024-07-12"))
            try publisher.put(
                try edition(6, "2024-07-12", in: scratch), date: "2024-07-12", name: name("ALCA6", "2024-07-12"))
            try publisher.put(try placeholder(in: scratch), date: "2024-07-15", name: name("COMP", "2024-07-15"))
            try publisher.put(
                Data("<html><body><h1>Error</h1><p>Intente más tarde.</p></body></html>\n".utf8), date: "2024-07-16",
                name: name("COMP", "2024-07-16"))
            try publisher.start(
                unlisted: ["2024-07-12"], slow: ["/pub/2024/07/04/\(name("COMP", "2024-07-04"))"],
                flaky: ["/pub/2024/07/03/\(name("COMP", "2024-07-03"))"])
            return publisher
        }

        static let stores = ["sqlite"] + (PostgresServer.isAvailable ? ["postgresql"] : [])

        /// What `promtool check metrics` finds wrong with the file: parse errors and lint problems, but for the one
        /// name the daily-summary issue fixes (`gacetachat_summary_failures_total`, which its linter reads as the
        /// type "summary").
        static func promtoolProblems(_ file: String) throws -> [String] {
            let result = try Shell.run("/bin/sh", ["-c", "promtool check metrics < \(file)"])
            let problems = result.output.split(separator: "\n").map(String.init).filter {
                !$0.isEmpty && $0 != "gacetachat_summary_failures_total metric name should not include type 'summary'"
            }
            // 3 is promtool's status for lint problems only; anything else is a file it cannot parse.
            return result.status == 0 || (result.status == 3 && problems.isEmpty)
                ? [] : problems + ["promtool exit \(result.status)"]
        }

        /// Both stores: the states live in the database the pool reads.
        @Test(arguments: stores) func everyDateEndsInItsStateAndASecondRunChangesNothing(_ store: String) throws {
            let scratch = try Paths.temporaryDirectory("fetch")
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let publisher = try Self.publisher(scratch: scratch)
            defer { publisher.stop() }
            let postgres = store == "postgresql" ? try PostgresServer() : nil
            let database = try postgres.map { ["GACETACHAT_DATABASE_URL": try $0.createDatabase()] } ?? [:]
            let stack = try Stack(workers: 1, environment: database)
            defer { stack.stop() }
            try stack.start()

            var environment = stack.poolEnvironment
            environment["GACETACHAT_FETCH_BASE_URL"] = publisher.baseURL
            environment["GACETACHAT_FETCH_REQUEST_INTERVAL"] = "20ms"
            environment["GACETACHAT_FETCH_RETRIES"] = "1"
            environment["GACETACHAT_FETCH_RETRY_BACKOFF"] = "100ms"
            environment["GACETACHAT_FETCH_TIMEOUT"] = "2s"
            environment["GACETACHAT_FETCH_MAX_SIZE"] = "64k"
            let arguments = ["fetch", "--from", "2024-07-03", "--to", Self.today, "--today", Self.today]
            let binary = try Paths.binary()

            let first = try Shell.run(binary, arguments, environment: environment, currentDirectory: stack.directory)
            print("first fetch: exit \(first.status)\n\(first.stderr)")
            #expect(first.status == 1, "a failed date makes the exit status 1")
            for (reason, date) in [
                ("timeout", "2024-07-04"), ("too_large", "2024-07-05"), ("truncated", "2024-07-09"),
                ("not_pdf", "2024-07-16"),
            ] {
                #expect(
                    first.stderr.split(separator: "\n").contains {
                        $0.contains("fetch failed") && $0.contains(Self.name("COMP", date)) && $0.contains(reason)
                    }, "the log names \(date)'s file and \(reason)")
            }
            #expect(first.stderr.contains("gap in edition numbers: Nº 120 (2024-07-08) after Nº 117 (2024-07-03)"))
            #expect(try publisher.helperRequests().map { $0.prefix(3) } == ["500", "200"], "a 500, then the retry")

            let status = try Shell.run(
                binary, ["fetch", "--status", "--from", "2024-07-03", "--to", Self.today], environment: environment,
                currentDirectory: stack.directory)
            #expect(status.status == 0, "\(status.output)")
            print(status.stdout)
            #expect(Self.dateStates(status.stdout) == Self.expected.map { "\($0.date) \($0.state)" })
            let lines = status.stdout.split(separator: "\n")
            #expect(lines.contains { $0.contains(Self.name("ALCA5", "2024-07-11")) && $0.contains("stored") })
            #expect(lines.contains { $0.contains(Self.name("ALCA6", "2024-07-12")) && $0.contains("stored") })
            #expect(lines.contains { $0.contains(Self.name("COMP", "2024-07-15")) && $0.contains("placeholder") })
            #expect(lines.contains { $0.contains(Self.name("COMP", "2024-07-08")) && $0.contains("Nº 120") })

            // The editions are searchable; the placeholder is not an edition.
            let editions = try stack.get("/api/v1/editions?per_page=100")
            #expect(editions.body.contains("2024-07-08") && editions.body.contains("2024-07-12"))
            #expect(!editions.body.contains("2024-07-15"), "\(editions.body)")

            // Every date that got an edition has its summary, an Alcance's notices in its date's; the holiday none.
            var generated: [String: String] = [:]
            for date in Self.expected.filter({ $0.state == "stored" }).map(\.date) {
                let summary = try stack.get("/api/v1/editions/\(date)/summary")
                #expect(summary.status == 200, "\(date): \(summary.body)")
                generated[date] = try summary.json()["generated_at"] as? String
            }
            let alcanceDay = try stack.get("/api/v1/editions/2024-07-11/summary").json()
            let cited = Set((alcanceDay["bullets"] as? [[String: Any]] ?? []).compactMap { $0["document_id"] as? Int })
            let day = try stack.get("/api/v1/editions/2024-07-11").json()["editions"] as? [[String: Any]] ?? []
            let editionsCited = day.filter { edition in
                (edition["documents"] as? [[String: Any]] ?? []).contains { cited.contains($0["id"] as? Int ?? 0) }
            }
            #expect(
                day.count == 2 && editionsCited.count == 2, "the edition's and the Alcance's notices: \(alcanceDay)")
            let holiday = try stack.get("/api/v1/editions/2024-07-15/summary")
            #expect(holiday.status == 404 && holiday.errorCode == "summary_missing", "\(holiday.body)")

            let second = try Shell.run(binary, arguments, environment: environment, currentDirectory: stack.directory)
            #expect(second.status == 1)
            for (date, stamp) in generated {
                let again = try stack.get("/api/v1/editions/\(date)/summary").json()["generated_at"] as? String
                #expect(again == stamp, "\(date): a run that stores nothing writes no summary")
            }
            let again = try Shell.run(
                binary, ["fetch", "--status", "--from", "2024-07-03", "--to", Self.today], environment: environment,
                currentDirectory: stack.directory)
            #expect(Self.dateStates(again.stdout) == Self.dateStates(status.stdout), "a second run changes nothing")
            for stored in [
                Self.name("COMP", "2024-07-08"), Self.name("COMP", "2024-07-11"), Self.name("ALCA5", "2024-07-11"),
                Self.name("COMP", "2024-07-12"), Self.name("ALCA6", "2024-07-12"), Self.name("COMP", "2024-07-15"),
            ] {
                #expect(try publisher.requests(for: stored) == 1, "\(stored) is downloaded once")
            }
            #expect(try publisher.helperRequests().count == 2, "the stored edition is not asked for again")
            #expect(try publisher.requests(for: Self.name("COMP", "2024-07-16")) == 2, "a failed file is retried")
            #expect(
                FileManager.default.fileExists(
                    atPath: "\(stack.filesDirectory)/pub/2024/07/12/\(Self.name("ALCA6", "2024-07-12"))"))
            // One copy on disk: the kept PDF (by SHA-256, what nginx sends) is a second name of the fetched file.
            let fetched = "\(stack.filesDirectory)/pub/2024/07/08/\(Self.name("COMP", "2024-07-08"))"
            let links = try FileManager.default.attributesOfItem(atPath: fetched)[.referenceCount] as? Int
            #expect(links == 2, "\(fetched) has \(links ?? 0) names")
            let leftovers = try FileManager.default.subpathsOfDirectory(atPath: "\(stack.filesDirectory)/pub")
                .filter { $0.contains("/.") || $0.hasPrefix(".") }
            #expect(leftovers.isEmpty, "no partial file: \(leftovers)")
            for failed in ["2024-07-04", "2024-07-05", "2024-07-09", "2024-07-16"] {
                let path = "\(stack.filesDirectory)/pub/\(failed.replacingOccurrences(of: "-", with: "/"))"
                #expect(!FileManager.default.fileExists(atPath: "\(path)/\(Self.name("COMP", failed))"))
            }

            // The metrics file parses and counts both runs; the master appends it to /metrics.
            let metricsFile = "\(stack.directory)/gacetachat-fetch.prom"
            let metrics = try String(contentsOfFile: metricsFile, encoding: .utf8)
            print(metrics)
            let problems = try Self.promtoolProblems(metricsFile)
            #expect(problems.isEmpty, "\(problems)")
            for reason in ["timeout", "too_large", "truncated", "not_pdf"] {
                #expect(metrics.contains("gacetachat_fetch_failures_total{reason=\"\(reason)\"} 2\n"))
            }
            #expect(metrics.contains("gacetachat_fetch_failures_total{reason=\"http_5xx\"} 0\n"))
            #expect(metrics.contains("gacetachat_fetch_number_gaps_total 1\n"))
            #expect(metrics.contains("gacetachat_summary_failures_total{reason=\"model_failed\"} 0\n"))
            #expect(metrics.contains("gacetachat_fetch_last_success_timestamp_seconds 0\n"), "today is not_yet")
            #expect(!metrics.contains("gacetachat_fetch_last_run_timestamp_seconds 0\n"))
            let served = try stack.get("/metrics")
            #expect(served.status == 200)
            #expect(served.body.contains("gacetachat_fetch_failures_total{reason=\"not_pdf\"} 2"))
            let servedFile = "\(scratch)/served.prom"
            try served.body.write(toFile: servedFile, atomically: true, encoding: .utf8)
            let servedProblems = try Self.promtoolProblems(servedFile)
            #expect(servedProblems.isEmpty, "\(servedProblems)")

            // /health shows the last fetch and keeps its status.
            let health = try stack.get("/health")
            #expect(health.status == 200)
            let fetch = try #require(try health.json()["fetch"] as? [String: Any], "\(health.body)")
            #expect(fetch["date"] as? String == Self.today)
            #expect(fetch["state"] as? String == "not_yet")
            #expect((fetch["finished_at"] as? String)?.hasSuffix("Z") == true)
            #expect(!health.body.contains("not_pdf"), "no reasons in /health")
        }

        /// A backfill stopped with SIGTERM in the middle of a download leaves no partial file and records only the
        /// dates it finished; the next run resumes from the states table.
        @Test func aStoppedBackfillResumes() throws {
            let scratch = try Paths.temporaryDirectory("resume")
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let publisher = try Self.publisher(scratch: scratch)
            defer { publisher.stop() }
            var environment = Paths.testingEnvironment(directory: scratch)
            environment["GACETACHAT_STORAGE_FILES_DIR"] = "\(scratch)/files"
            environment["GACETACHAT_FETCH_BASE_URL"] = publisher.baseURL
            environment["GACETACHAT_FETCH_REQUEST_INTERVAL"] = "20ms"
            environment["GACETACHAT_FETCH_RETRIES"] = "1"
            environment["GACETACHAT_FETCH_RETRY_BACKOFF"] = "100ms"
            environment["GACETACHAT_FETCH_TIMEOUT"] = "60s"  // the slow file is still arriving when we stop
            let arguments = ["fetch", "--from", "2024-07-03", "--to", "2024-07-05", "--today", Self.today]
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try Paths.binary())
            process.arguments = arguments
            process.environment = environment
            process.currentDirectoryURL = URL(fileURLWithPath: scratch)
            let log = "\(scratch)/fetch.log"
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let slowFolder = "\(scratch)/files/pub/2024/07/04"
            try waitUntil("the slow edition is being downloaded", timeout: 60) {
                ((try? FileManager.default.contentsOfDirectory(atPath: slowFolder)) ?? []).contains {
                    $0.contains(".tmp.")
                }
            }
            kill(process.processIdentifier, SIGTERM)
            try waitUntil("fetch stops", timeout: 20) { !process.isRunning }
            let stopped = try String(contentsOfFile: log, encoding: .utf8)
            #expect(process.terminationStatus == 1, "\(stopped)")
            #expect(stopped.contains("interrupted: run it again to resume"), "\(stopped)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: slowFolder).isEmpty, "no partial file")
            let status = try Shell.run(
                try Paths.binary(), ["fetch", "--status", "--from", "2024-07-03", "--to", "2024-07-05"],
                environment: environment, currentDirectory: scratch)
            #expect(Self.dateStates(status.stdout) == ["2024-07-03 stored"], "\(status.stdout)")

            environment["GACETACHAT_FETCH_TIMEOUT"] = "2s"
            let resumed = try Shell.run(
                try Paths.binary(), arguments, environment: environment, currentDirectory: scratch)
            #expect(resumed.status == 1, "07-04 and 07-05 fail: \(resumed.stderr)")
            let after = try Shell.run(
                try Paths.binary(), ["fetch", "--status", "--from", "2024-07-03", "--to", "2024-07-05"],
                environment: environment, currentDirectory: scratch)
            #expect(
                Self.dateStates(after.stdout) == ["2024-07-03 stored", "2024-07-04 failed", "2024-07-05 failed"])
            #expect(try publisher.helperRequests().count == 2, "the stored edition is not downloaded again")
        }

        /// "2024-07-03 stored" for each date line of `fetch --status`.
        static func dateStates(_ table: String) -> [String] {
            table.split(separator: "\n").dropFirst().compactMap { line in
                let cells = line.split(separator: " ", omittingEmptySubsequences: true)
                guard let date = cells.first, date.count == 10, date.hasPrefix("20"), cells.count >= 2 else {
                    return nil
                }
                return "\(date) \(cells[1])"
            }
        }

        @Test func badDatesAreRefusedWithUsage() throws {
            let directory = try Paths.temporaryDirectory("fetchargs")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let environment = Paths.testingEnvironment(directory: directory)
            for (arguments, message) in [
                (["fetch", "--date", "2024-02-30"], "--date '2024-02-30' is not a date"),
                (["fetch", "--from", "2024-07-10", "--to", "2024-07-01"], "is after --to"),
                (["fetch", "--date", "2024-07-10", "--from", "2024-07-01"], "not both"),
            ] {
                let result = try Shell.run(try Paths.binary(), arguments, environment: environment)
                #expect(result.status == 64, "\(result.output)")
                #expect(result.stderr.contains(message), "\(result.stderr)")
            }
            var bad = environment
            bad["GACETACHAT_FETCH_BASE_URL"] = "ftp://example.org"
            let result = try Shell.run(try Paths.binary(), ["fetch"], environment: bad)
            #expect(result.status == 78)
            #expect(result.stderr.contains("GACETACHAT_FETCH_BASE_URL"), "\(result.stderr)")
        }

        /// The README's alert rule is one Prometheus accepts.
        @Test func theReadmeAlertRuleIsValid() throws {
            let readme = try String(contentsOfFile: "\(Paths.repository)/README.md", encoding: .utf8)
            let marker = try #require(readme.range(of: "<!-- fetch-alert-rule"))
            let after = readme[marker.upperBound...]
            let start = try #require(after.range(of: "```yaml\n"))
            let end = try #require(after[start.upperBound...].range(of: "\n```"))
            let rule = String(after[start.upperBound..<end.lowerBound])
            #expect(rule.contains("gacetachat_fetch_last_success_timestamp_seconds"))
            let directory = try Paths.temporaryDirectory("rule")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try rule.write(toFile: "\(directory)/rule.yml", atomically: true, encoding: .utf8)
            let result = try Shell.run("promtool", ["check", "rules", "\(directory)/rule.yml"])
            #expect(result.status == 0, "\(result.output)")
            #expect(result.stdout.contains("1 rules found"))
        }

        /// From a Friday evening in Costa Rica, the timer's next runs are Monday 05:30, 09:30 and 14:30 there.
        @Test func theTimerRunsOnWorkingDaysInCostaRicaTime() throws {
            let timer = try String(
                contentsOfFile: "\(Paths.repository)/systemd/gacetachat-fetch.timer", encoding: .utf8)
            let calendar = try #require(
                timer.split(separator: "\n").first { $0.hasPrefix("OnCalendar=") }?.dropFirst("OnCalendar=".count))
            #expect(calendar.hasSuffix("America/Costa_Rica"))
            var environment = ProcessInfo.processInfo.environment
            environment["TZ"] = "America/Costa_Rica"
            let result = try Shell.run(
                "systemd-analyze",
                ["calendar", "--iterations=3", "--base-time=2026-12-04 18:00:00", String(calendar)],
                environment: environment)
            print(result.stdout)
            #expect(result.status == 0, "\(result.output)")
            let runs = result.stdout.split(separator: "\n").filter {
                $0.contains("Next elapse:") || $0.contains("Iter. #")
            }
            #expect(runs.count == 3)
            for (line, time) in zip(runs, ["05:30:00", "09:30:00", "14:30:00"]) {
                #expect(line.contains("Mon 2026-12-07 \(time) CST"), "\(line)")
            }
        }
    }
}
