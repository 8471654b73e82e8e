import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// The Atom feeds through nginx, parsed by Python's feedparser (`scripts/install-deps test` installs it):
    /// well formed (`bozo == 0`), every element RFC 4287 requires present, ids the same across runs and after the
    /// editions are stored again (new document ids), text escaped.
    @Suite struct FeedTests {
        static let python = "\(Paths.repository)/.build/browser-venv/bin/python3"
        static let checker = "\(Paths.repository)/Tests/Feeds/check_feed.py"
        static var isAvailable: Bool {
            (try? Shell.run(python, ["-c", "import feedparser"]).status) == 0
        }

        struct Report: Decodable {
            let bozo: Int
            let bozoException: String
            let version: String
            let missing: [String]
            let ids: [String]
            let titles: [String]
            let feedId: String

            enum CodingKeys: String, CodingKey {
                case bozo, version, missing, ids, titles
                case bozoException = "bozo_exception"
                case feedId = "feed_id"
            }
        }

        static func check(_ bodies: [String], scratch: String) throws -> [Report] {
            var paths: [String] = []
            for (index, body) in bodies.enumerated() {
                let path = "\(scratch)/feed-\(index).xml"
                try body.write(toFile: path, atomically: true, encoding: .utf8)
                paths.append(path)
            }
            let result = try Shell.run(python, [checker] + paths)
            try result.expectSuccess("check_feed.py")
            return try result.stdout.split(separator: "\n").map {
                try JSONDecoder().decode(Report.self, from: Data($0.utf8))
            }
        }

        static func ingest(_ stack: Stack, scratch: String) throws {
            for (number, day) in [(120, 8), (121, 9)] {
                let path = "\(scratch)/COMP_0\(day)_07_2024.pdf"
                try GazettePDF.write(
                    to: path, number: number, date: "\(day) de julio del 2024", firstPrinted: 1,
                    pages: [
                        "Decreto número \(number) sobre la tarifa del agua potable & el alcantarillado <cantonal>.",
                        "Aviso de licitación pública \(number) del Ministerio de Obras Públicas.",
                    ])
                let result = try Shell.run(
                    try Paths.binary(), ["ingest", path], environment: stack.poolEnvironment,
                    currentDirectory: stack.directory)
                try result.expectSuccess("ingest \(path)")
            }
        }

        static let paths = [
            "/api/v1/editions.atom", "/api/v1/search.atom?q=tarifa+agua+potable",
            "/api/v1/search.atom?q=%22agua+potable%22+%26+alcantarillado&section=decreto",
        ]

        @Test(.enabled(if: isAvailable)) func feedsParseHaveEveryRequiredElementAndStableIds() throws {
            let scratch = try Paths.temporaryDirectory("feeds")
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let stack = try Stack(workers: 1)
            defer { stack.stop() }
            stack.environment = ["GACETACHAT_SERVER_PUBLIC_URL": "https://gaceta.example.org"]
            try stack.start()
            try Self.ingest(stack, scratch: scratch)

            var bodies: [String] = []
            for path in Self.paths {
                let answer = try stack.get(path)
                #expect(answer.status == 200, "\(path): \(answer.body)")
                #expect(answer.headers["content-type"]?.hasPrefix("application/atom+xml") == true)
                bodies.append(answer.body)
            }
            let reports = try Self.check(bodies, scratch: scratch)
            for (path, report) in zip(Self.paths, reports) {
                #expect(report.bozo == 0, "\(path): \(report.bozoException)")
                #expect(report.version == "atom10", "\(path)")
                #expect(report.missing.isEmpty, "\(path): \(report.missing)")
                #expect(report.ids.allSatisfy { $0.hasPrefix("tag:gaceta.example.org,2024:") }, "\(report.ids)")
                #expect(Set(report.ids).count == report.ids.count, "ids are unique: \(report.ids)")
            }
            #expect(reports[0].ids.count == 2, "one entry per edition: \(reports[0].ids)")
            #expect(reports[1].ids.count == 2, "both editions' notices match: \(reports[1].titles)")
            #expect(
                bodies[1].range(of: "2024-07-09")?.lowerBound ?? bodies[1].endIndex
                    < bodies[1].range(of: "2024-07-08")?.lowerBound ?? bodies[1].startIndex, "newest first")
            #expect(!bodies[2].contains("& ") && bodies[2].contains("&amp;"), "text is escaped for XML")

            // Stored again from scratch (new document ids), the same entries keep the same ids.
            let again = try stack.get(Self.paths[1])
            #expect(try Self.check([again.body], scratch: scratch)[0].ids == reports[1].ids, "the same across runs")
            // Delete both editions through the admin API, then store them again (new document ids).
            let token = try Shell.run(
                try Paths.binary(), ["admin", "token", "create", "--name", "feeds"],
                environment: stack.poolEnvironment, currentDirectory: stack.directory)
            try token.expectSuccess("admin token create")
            let bearer = token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let listed = try stack.get("/api/v1/editions").json()
            let ids = ((listed["editions"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int }
            #expect(ids.count == 2, "\(listed)")
            for id in ids {
                let deleted = try stack.curl([
                    "-X", "DELETE", "-H", "Authorization: Bearer \(bearer)",
                    "https://127.0.0.1:\(stack.httpsPort)/api/v1/admin/editions/\(id)",
                ])
                #expect(deleted.status == 200, "\(deleted.body)")
            }
            try Self.ingest(stack, scratch: scratch)
            let restored = try Self.check(
                [try stack.get(Self.paths[0]).body, try stack.get(Self.paths[1]).body], scratch: scratch)
            #expect(restored[0].ids == reports[0].ids && restored[1].ids == reports[1].ids, "ids survive new storage")

            // Bad input is a 400 that says why; a server without public_url has no feeds.
            #expect(try stack.get("/api/v1/search.atom").errorCode == "missing_query")
        }

        /// A split edition (groff, notices with `( IN… )` codes): entries are notices, their ids the publication code;
        /// `?section=` narrows the editions feed to that section's notices.
        @Test(.enabled(if: isAvailable)) func noticeEntriesAreKeyedByTheirPublicationCode() throws {
            let scratch = try Paths.temporaryDirectory("feeds")
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let stack = try Stack(workers: 1)
            defer { stack.stop() }
            stack.environment = ["GACETACHAT_SERVER_PUBLIC_URL": "https://gaceta.example.org"]
            try stack.start()
            let edition = GeneratedEdition()
            let path = "\(scratch)/edition.pdf"
            try edition.write(to: path)
            try Shell.run(
                try Paths.binary(), ["ingest", path], environment: stack.poolEnvironment,
                currentDirectory: stack.directory
            ).expectSuccess("ingest")

            let notices = try stack.get("/api/v1/search.atom?q=faroles+verdes")
            let sections = try stack.get("/api/v1/editions.atom?section=CONTRATACI%C3%93N+ADMINISTRATIVA")
            let reports = try Self.check([notices.body, sections.body], scratch: scratch)
            #expect(reports.allSatisfy { $0.bozo == 0 && $0.missing.isEmpty }, "\(reports.map(\.missing))")
            #expect(reports[0].ids == ["tag:gaceta.example.org,2024:notice:IN2024000101"], "\(reports[0].ids)")
            #expect(reports[0].titles == ["DECRETO EJECUTIVO N° 44123-MP"])
            let day = edition.day < 10 ? "0\(edition.day)" : "\(edition.day)"
            #expect(
                reports[1].ids == ["tag:gaceta.example.org,2024:edition:2024-07-\(day):regular"], "\(reports[1].ids)")
            #expect(sections.body.contains("LICITACIÓN PÚBLICA 2024LN-000012"), "\(sections.body)")
            #expect(!sections.body.contains("DECRETO EJECUTIVO"), "only that section's notices")

            // A re-split stores the notices again (new document ids): the entries keep their ids.
            try Shell.run(
                try Paths.binary(), ["reindex", "--resplit"], environment: stack.poolEnvironment,
                currentDirectory: stack.directory
            ).expectSuccess("reindex --resplit")
            let resplit = try stack.get("/api/v1/search.atom?q=faroles+verdes")
            #expect(
                try Self.check([resplit.body], scratch: scratch)[0].ids == reports[0].ids, "the same after a re-split")

            // With the day's summary, the edition's entry carries its bullets.
            let before = try stack.get("/api/v1/editions.atom").body
            #expect(!before.contains("página"), "no summary yet: the notices' titles")
            try Shell.run(
                try Paths.binary(), ["summarize", "--date", "2024-07-\(day)"], environment: stack.poolEnvironment,
                currentDirectory: stack.directory
            ).expectSuccess("summarize")
            let summarized = try stack.get("/api/v1/editions.atom")
            #expect(try Self.check([summarized.body], scratch: scratch)[0].bozo == 0)
            #expect(summarized.body.contains("DECRETO EJECUTIVO N° 44123-MP, página"), "\(summarized.body)")
        }

        @Test func withoutAPublicURLTheFeedsAnswerFeedsDisabled() throws {
            let stack = try Stack(workers: 1)
            defer { stack.stop() }
            try stack.start()
            for path in ["/api/v1/editions.atom", "/api/v1/search.atom?q=agua"] {
                let answer = try stack.get(path)
                #expect(answer.status == 404 && answer.errorCode == "feeds_disabled", "\(path): \(answer.body)")
            }
        }
    }
}
