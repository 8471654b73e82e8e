import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// The day's summary end to end: a groff-made edition ingested by the CLI, `gacetachat summarize` with a model
    /// stub whose bullets cite a wrong page or a number the page does not hold (replaced by offline bullets), the
    /// summary through nginx, the admin route with a model that fails (the offline summary, logged and counted in
    /// `/metrics`), 404 `summary_missing` with the reason, and editions by date range.
    @Suite struct SummaryTests {
        /// A document of `GET /api/v1/editions/{date}`: title, type, key, pages.
        struct Notice {
            var id: Int
            var title: String
            var type: String
            var key: String
            var firstPage: Int
            var lastPage: Int
        }

        static func notices(_ stack: Stack, date: String) throws -> [Notice] {
            let body = try stack.get("/api/v1/editions/\(date)").json()
            let editions = try #require(body["editions"] as? [[String: Any]])
            return (editions.first?["documents"] as? [[String: Any]] ?? []).compactMap { document in
                guard let id = document["id"] as? Int, let title = document["title"] as? String,
                    let type = document["type"] as? String, let key = document["key"] as? String,
                    let first = document["first_page"] as? Int,
                    let last = document["last_page"] as? Int
                else { return nil }
                return Notice(id: id, title: title, type: type, key: key, firstPage: first, lastPage: last)
            }
        }

        @Test func bulletsAreCheckedAgainstTheirPagesAndAFailedModelGivesTheOfflineSummary() throws {
            let failing = try OpenAIStubServer(mode: .status(500))
            defer { failing.stop() }
            let stack = try Stack(
                workers: 1,
                environment: [
                    "GACETACHAT_LLM_BASE_URL": failing.baseURL, "GACETACHAT_LLM_MODEL": "stub-model",
                    "GACETACHAT_SERVER_CACHE_TTL": "60s",
                ])
            defer { stack.stop() }
            let binary = try Paths.binary()
            try Shell.run(binary, ["migrate"], environment: stack.poolEnvironment).expectSuccess("migrate")
            let created = try Shell.run(
                binary, ["admin", "token", "create", "--name", "editor"], environment: stack.poolEnvironment)
            try created.expectSuccess("admin token create")
            let bearer = [
                "-H", "Authorization: Bearer \(created.stdout.trimmingCharacters(in: .whitespacesAndNewlines))",
            ]
            let edition = GeneratedEdition()
            let date = String(format: "2024-07-%02d", edition.day)
            let path = "\(stack.directory)/COMP_\(String(format: "%02d", edition.day))_07_2024.pdf"
            try edition.write(to: path)
            try Shell.run(binary, ["ingest", path], environment: stack.poolEnvironment).expectSuccess("ingest")
            try stack.start()

            // Not generated yet: a 404 that says so, never an empty 200.
            let before = try stack.get("/api/v1/editions/\(date)/summary")
            #expect(before.status == 404)
            #expect(before.errorCode == "summary_missing")
            #expect(before.body.contains("not_generated"), "\(before.body)")

            // A model that writes three bullets: one supported, one citing a page outside its notice, one with an
            // amount its page does not hold.
            let notices = try Self.notices(stack, date: date)
            let decree = try #require(notices.first { $0.title == "DECRETO EJECUTIVO N° 44123-MP" })
            let resolution = try #require(notices.first { $0.title.hasPrefix("RESOLUCIÓN") })
            let tender = try #require(notices.first { $0.title.hasPrefix("LICITACIÓN") })
            // The model sees the notices numbered from 1 in edition order, the sumario left out.
            let listed = notices.filter { $0.type != "sumario" }
            let number = { (notice: Notice) in (listed.firstIndex { $0.key == notice.key } ?? -1) + 1 }
            let reply = """
                [\(number(decree))] página \(decree.firstPage): Créase la comisión de los faroles verdes, \
                que sesionará cada primer lunes del mes.
                [\(number(resolution))] página \(resolution.lastPage + 3): La cláusula 1 regula el cantón.
                [\(number(tender))] página \(tender.firstPage): Compra de jeringas de vidrio templado por \
                ₡999.999 para los hospitales nacionales.
                """
            let writer = try OpenAIStubServer(mode: .answer(reply))
            defer { writer.stop() }
            var environment = stack.poolEnvironment
            environment["GACETACHAT_LLM_BASE_URL"] = writer.baseURL
            let summarize = try Shell.run(binary, ["summarize", "--date", date], environment: environment)
            #expect(summarize.status == 0, "\(summarize.output)")
            print("gacetachat summarize --date \(date):\n\(summarize.output)")
            #expect(summarize.stderr.contains("was replaced"), "the replacements are logged: \(summarize.stderr)")

            let prompt = try #require(writer.requests.first?.json?["messages"] as? [[String: String]])
            let sent = (prompt.last?["content"] ?? "").split(separator: "\n").filter { $0.hasPrefix("[") }
            #expect(sent.count == listed.count && listed.count == edition.notices.count, "one line per notice: \(sent)")
            #expect(sent.contains { $0.contains("DECRETO EJECUTIVO N° 44123-MP") && $0.contains("página") })

            let response = try stack.get("/api/v1/editions/\(date)/summary")
            #expect(response.status == 200, "\(response.body)")
            let summary = try response.json()
            #expect(summary["date"] as? String == date)
            #expect(summary["edition_number"] as? String == String(edition.number))
            #expect(summary["publication"] as? String == "La Gaceta")
            #expect(summary["provider"] as? String == "openai")
            #expect((summary["generated_at"] as? String)?.hasSuffix("Z") == true)
            let bullets = try #require(summary["bullets"] as? [[String: Any]])
            #expect(bullets.count == 5)
            func bullet(_ notice: Notice) -> [String: Any]? {
                bullets.first { $0["notice_key"] as? String == notice.key }
            }
            let written = try #require(bullet(decree))
            #expect(written["provider"] as? String == "openai")
            #expect(written["page"] as? Int == decree.firstPage)
            #expect((written["text"] as? String)?.hasPrefix("Créase la comisión") == true)
            let moved = try #require(bullet(resolution))
            #expect(moved["provider"] as? String == "extractive", "a page outside the notice is replaced")
            #expect((resolution.firstPage...resolution.lastPage).contains(moved["page"] as? Int ?? 0))
            let amount = try #require(bullet(tender))
            #expect(amount["provider"] as? String == "extractive", "a number not on the page is replaced")
            #expect(!(amount["text"] as? String ?? "").contains("999"))
            for item in bullets {
                let keys = ["text", "document_id", "notice_key", "document_title", "page", "url", "tags", "provider"]
                #expect(keys.allSatisfy { item[$0] != nil }, "\(item)")
                #expect(((item["tags"] as? [String])?.count ?? 3) <= 2)
                let url = try #require(item["url"] as? String)
                let page = try stack.get(url)
                #expect(page.status == 200, "\(url)")
                if item["provider"] as? String == "extractive" {
                    let text = try page.json()["text"] as? String ?? ""
                    let quote = (item["text"] as? String ?? "").split(separator: ":", maxSplits: 1).last ?? ""
                    let spaced = { (text: Substring) in
                        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    }
                    #expect(
                        spaced(Substring(text)).contains(spaced(quote.drop { $0 == " " })),
                        "an offline bullet's words are on its page: \(item)")
                }
            }
            #expect(try stack.get("/api/v1/editions/\(date)/summary").headers["x-cache-status"] == "HIT")

            // The pool's model fails: the admin route stores the offline summary, and the failure is counted.
            let regenerated = try stack.get("/api/v1/admin/editions/\(date)/summary", ["-X", "POST"] + bearer)
            #expect(regenerated.status == 200, "\(regenerated.body)")
            let offline = try regenerated.json()
            #expect(offline["provider"] as? String == "extractive")
            #expect(offline["fallback_reason"] as? String == "http_error")
            let offlineBullets = try #require(offline["bullets"] as? [[String: Any]])
            #expect(
                offlineBullets.count == 5 && offlineBullets.allSatisfy { $0["provider"] as? String == "extractive" })
            #expect(failing.requests.count == 1)
            try stack.waitForLog("the model failed (http_error")
            let metrics = try stack.get("/metrics")
            #expect(
                metrics.body.contains("gacetachat_summary_failures_total{reason=\"model_failed\"} 1"), "\(metrics.body)"
            )

            // No edition that day: 404 summary_missing with the reason, from the admin route and the public one.
            let none = try stack.get("/api/v1/admin/editions/2024-07-30/summary", ["-X", "POST"] + bearer)
            #expect(none.status == 404 && none.errorCode == "summary_missing" && none.body.contains("no_edition"))
            let missing = try stack.get("/api/v1/editions/2024-07-30/summary")
            #expect(
                missing.status == 404 && missing.errorCode == "summary_missing" && missing.body.contains("no_edition"))
            #expect(try stack.get("/api/v1/editions/2024-13-01/summary").status == 400)
            #expect(
                try stack.get("/metrics").body.contains("gacetachat_summary_failures_total{reason=\"no_edition\"} 1"))

            // The calendar's range.
            let month = try stack.get("/api/v1/editions?from=2024-07-01&to=2024-07-31").json()
            let dates = (month["editions"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
            #expect(dates == [date])
            #expect(try stack.get("/api/v1/editions?from=2024-08-01&to=2024-07-01").status == 400)
            #expect(try stack.get("/api/v1/editions?from=2020-01-01&to=2024-07-01").status == 400)
            let alone = try stack.get("/api/v1/editions?from=2024-07-01").json()
            #expect(alone["to"] as? String == "2025-07-01", "one bound alone spans 366 days")
            #expect((alone["editions"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String } == [date])

            // A bad date on the command line: usage, nothing stored.
            let bad = try Shell.run(binary, ["summarize", "--date", "15/07/2024"], environment: stack.poolEnvironment)
            #expect(bad.status == 64, "\(bad.output)")
            #expect(bad.stderr.contains("--date '15/07/2024' is not a date"), "\(bad.stderr)")
        }
    }
}
