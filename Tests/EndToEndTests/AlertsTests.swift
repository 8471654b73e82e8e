import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// E-mail alerts against a real local MTA (a private exim with STARTTLS, its certificate signed by a CA made for
    /// the test) and a real fetch from a generated publisher: double opt-in, the alert after a fetch, nothing
    /// twice, one-click unsubscribe, and what remains of the address.
    @Suite(.serialized) struct AlertsTests {
        static let address = "Maria.Perez@example.org"
        static let secret = "alerts-test-secret-key-0123456789abcdef"

        struct Setup {
            let stack: Stack
            let mail: MailServer
            let publisher: PublisherServer
            let scratch: String
            var environment: [String: String]

            func stop() {
                stack.stop()
                mail.stop()
                publisher.stop()
                try? FileManager.default.removeItem(atPath: scratch)
            }

            /// `gacetachat fetch` of one day, as the timer runs it that day.
            func fetch(_ date: String) throws -> CommandResult {
                let result = try Shell.run(
                    try Paths.binary(), ["fetch", "--date", date, "--today", date], environment: environment,
                    currentDirectory: stack.directory)
                print("fetch \(date): exit \(result.status)\n\(result.stderr)")
                return result
            }

            func alertsList() throws -> String {
                let result = try Shell.run(
                    try Paths.binary(), ["alerts", "list"], environment: environment, currentDirectory: stack.directory)
                try result.expectSuccess("alerts list")
                return result.stdout
            }

            /// An absolute link of a message, requested through nginx.
            func request(_ link: String, method: String = "GET", body: String? = nil) throws -> HTTPResult {
                var arguments = ["-X", method, link]
                if let body { arguments += ["--data-binary", body] }
                return try stack.curl(arguments)
            }

            func subscribe(_ address: String, query: String = "tarifa agua potable") throws -> HTTPResult {
                let body = try JSONSerialization.data(withJSONObject: [
                    "email": address, "q": query, "frequency": "edition",
                ])
                return try stack.curl([
                    "-X", "POST", "https://127.0.0.1:\(stack.httpsPort)/api/v1/alerts", "-H",
                    "Content-Type: application/json", "--data-binary", String(decoding: body, as: UTF8.self),
                ])
            }
        }

        static func setUp() throws -> Setup {
            let scratch = try Paths.temporaryDirectory("alerts")
            // The MTA's certificate, from a CA of its own that only the pool's mail.ca_file trusts.
            try Shell.run("\(Paths.repository)/tls/make-dev-certs", ["\(scratch)/mailtls"]).expectSuccess("certs")
            let mail = try MailServer(
                certificate: "\(scratch)/mailtls/server.crt", key: "\(scratch)/mailtls/server.key")
            let publisher = try PublisherServer()
            for (number, date) in [(120, "2024-07-08"), (121, "2024-07-09")] {
                try publisher.put(
                    try FetchTests.edition(number, date, in: scratch), date: date, name: FetchTests.name("COMP", date))
            }
            try publisher.start()
            let stack = try Stack(workers: 2)
            stack.environment = mail.environment.merging([
                "GACETACHAT_SERVER_PUBLIC_URL": "https://127.0.0.1:\(stack.httpsPort)",
                "GACETACHAT_SERVER_SECRET_KEY": secret,
                "GACETACHAT_MAIL_FROM": "alertas@gacetachat.test",
                "GACETACHAT_MAIL_STARTTLS": "required",
                "GACETACHAT_MAIL_CA_FILE": "\(scratch)/mailtls/ca.crt",
            ]) { $1 }
            try stack.start()
            var environment = stack.poolEnvironment
            environment["GACETACHAT_FETCH_BASE_URL"] = publisher.baseURL
            environment["GACETACHAT_FETCH_REQUEST_INTERVAL"] = "20ms"
            environment["GACETACHAT_FETCH_RETRIES"] = "0"
            return Setup(stack: stack, mail: mail, publisher: publisher, scratch: scratch, environment: environment)
        }

        @Test(.enabled(if: MailServer.isAvailable)) func theWholeFlowFromRequestToUnsubscribe() throws {
            let setup = try Self.setUp()
            defer { setup.stop() }
            let site = "https://127.0.0.1:\(setup.stack.httpsPort)"

            let status = try setup.stack.get("/api/v1/alerts")
            #expect(status.status == 200 && status.body.contains(#""enabled":true"#), "\(status.body)")

            // The request: 202, and a confirmation message over STARTTLS.
            let accepted = try setup.subscribe(Self.address)
            #expect(accepted.status == 202, "\(accepted.body)")
            let confirmation = MailText(try setup.mail.waitForMessages(1)[0])
            #expect(confirmation.headers["to"] == "<\(Self.address)>")
            let confirmLink = try #require(confirmation.links(startingWith: "\(site)/api/v1/alerts/").first)
            #expect(confirmLink.contains("/confirm?t="), "\(confirmation.body)")
            #expect(setup.mail.log().contains("X=TLS"), "the message came over STARTTLS:\n\(setup.mail.log())")

            // A GET of the link (what a mail scanner does) shows a button and changes nothing.
            let page = try setup.request(confirmLink)
            #expect(page.status == 200 && page.body.contains("<button"), "\(page.body)")
            #expect(try setup.alertsList().contains("confirmed subscriptions:   0"))
            _ = try setup.fetch("2024-07-08")
            #expect(setup.mail.messages().count == 1, "nothing goes to an unconfirmed subscription")

            // The POST confirms.
            let confirmed = try setup.request(confirmLink, method: "POST")
            #expect(confirmed.status == 200 && confirmed.body.contains("Alerta confirmada"), "\(confirmed.body)")
            #expect(try setup.alertsList().contains("confirmed subscriptions:   1"))

            // A fetch that stores an edition sends one alert with the RFC 8058 headers. The edition of 07-08 was
            // stored by the fetch above (while unconfirmed): stored again it is not new, so 07-09's is the alert.
            let first = try setup.fetch("2024-07-09")
            #expect(first.status == 0)
            let alert = MailText(try setup.mail.waitForMessages(2)[1])
            #expect(alert.headers["list-unsubscribe-post"] == "List-Unsubscribe=One-Click")
            let unsubscribeHeader = alert.headers["list-unsubscribe"] ?? ""
            #expect(unsubscribeHeader.contains("<\(site)/api/v1/alerts/") && unsubscribeHeader.contains("<mailto:"))
            #expect(alert.body.contains("Decreto número 121") || alert.body.contains("121"), "\(alert.body)")
            #expect(alert.body.contains("\(site)/#/documento/"), "links are absolute: \(alert.body)")
            #expect(!alert.links(startingWith: "\(site)/api/v1/alerts/manage?").isEmpty, "a management link")

            // A second run of the same day sends nothing.
            _ = try setup.fetch("2024-07-09")
            Thread.sleep(forTimeInterval: 1)
            #expect(setup.mail.messages().count == 2, "a notice is never sent twice")

            // One-click unsubscribe (RFC 8058: a POST with that body) stops the next one.
            let start = try #require(unsubscribeHeader.range(of: "<\(site)"))
            let end = try #require(unsubscribeHeader[start.upperBound...].firstIndex(of: ">"))
            let unsubscribe = String(unsubscribeHeader[unsubscribeHeader.index(after: start.lowerBound)..<end])
            let oneClick = try setup.request(unsubscribe, method: "POST", body: "List-Unsubscribe=One-Click")
            #expect(oneClick.status == 200, "\(oneClick.body)")
            #expect(try setup.alertsList().contains("confirmed subscriptions:   0"))
            _ = try setup.fetch("2024-07-08")

            // The address now exists only as its HMAC: not in the database, the pool's log or nginx's.
            let dump = try Shell.run("sqlite3", ["\(setup.stack.directory)/test.db", ".dump"])
            try dump.expectSuccess("sqlite3 .dump")
            #expect(!dump.stdout.lowercased().contains("maria.perez"), "no trace of the address in the database")
            #expect(dump.stdout.contains("INSERT INTO alert_do_not_mail"), "its HMAC is on the do-not-mail list")
            #expect(try setup.alertsList().contains("do-not-mail list (HMACs):  1"))
            let logs =
                setup.stack.masterLog()
                + ((try? String(
                    contentsOfFile: "\(setup.stack.directory)/nginx/access.log", encoding: .utf8)) ?? "")
            #expect(!logs.lowercased().contains("maria.perez"), "addresses never appear in logs")
            #expect(!logs.contains("?t="), "tokens never appear in logs")

            // Asked again, the answer is the same 202, and nothing is sent to a do-not-mail address.
            let again = try setup.subscribe(Self.address.uppercased())
            #expect(again.status == 202 && again.body == accepted.body)
            Thread.sleep(forTimeInterval: 1)
            #expect(setup.mail.messages().count == 2, "\(setup.mail.messages().count) messages")
        }

        /// A weekly subscription gets a message when its week is over, then nothing until the next week.
        @Test(.enabled(if: MailServer.isAvailable)) func aWeeklySubscriptionGetsOneMessageAWeek() throws {
            let setup = try Self.setUp()
            defer { setup.stop() }
            let site = "https://127.0.0.1:\(setup.stack.httpsPort)"
            let body = #"{"email":"semanal@example.org","q":"tarifa agua potable","frequency":"weekly"}"#
            let accepted = try setup.stack.curl([
                "-X", "POST", "\(site)/api/v1/alerts", "-H", "Content-Type: application/json", "--data-binary", body,
            ])
            #expect(accepted.status == 202)
            let confirmation = MailText(try setup.mail.waitForMessages(1)[0])
            let link = try #require(confirmation.links(startingWith: "\(site)/api/v1/alerts/").first)
            #expect(try setup.request(link, method: "POST").status == 200)

            _ = try setup.fetch("2024-07-08")
            Thread.sleep(forTimeInterval: 1)
            #expect(setup.mail.messages().count == 1, "confirmed today: its first week is not over")

            // Eight days later (the confirmation moved back a week and a day).
            try Shell.run(
                "sqlite3",
                [
                    "\(setup.stack.directory)/test.db",
                    "UPDATE alert_subscriptions SET confirmed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-8 days')",
                ]
            ).expectSuccess("sqlite3")
            _ = try setup.fetch("2024-07-09")
            let weekly = MailText(try setup.mail.waitForMessages(2)[1])
            #expect(weekly.body.contains("2024-07-08") && weekly.body.contains("2024-07-09"), "\(weekly.body)")
            #expect(weekly.headers["list-unsubscribe-post"] == "List-Unsubscribe=One-Click")
            _ = try setup.fetch("2024-07-09")
            Thread.sleep(forTimeInterval: 1)
            #expect(setup.mail.messages().count == 2, "one message a week")
        }

        @Test(.enabled(if: MailServer.isAvailable)) func anAddressGetsAtMostThreeConfirmationsADay() throws {
            let setup = try Self.setUp()
            defer { setup.stop() }
            var bodies: Set<String> = []
            for query in ["agua", "tarifa", "licitación", "obras públicas", "decreto"] {
                let answer = try setup.subscribe("otra@example.org", query: query)
                #expect(answer.status == 202)
                bodies.insert(answer.body)
            }
            #expect(bodies.count == 1, "the same body every time")
            _ = try setup.mail.waitForMessages(3)
            Thread.sleep(forTimeInterval: 1.5)
            #expect(setup.mail.messages().count == 3)
            #expect(try setup.alertsList().contains("unconfirmed requests:      3"))

            // Unconfirmed for more than 7 days: the next run deletes one; the operator erases the rest of the address.
            try Shell.run(
                "sqlite3",
                [
                    "\(setup.stack.directory)/test.db",
                    "UPDATE alert_subscriptions SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-8 days') "
                        + "WHERE query = 'agua'",
                ]
            ).expectSuccess("sqlite3")
            let fetched = try setup.fetch("2024-07-08")
            #expect(fetched.stderr.contains("1 unconfirmed requests deleted"), "\(fetched.stderr)")
            #expect(try setup.alertsList().contains("unconfirmed requests:      2"))
            let deleted = try Shell.run(
                try Paths.binary(), ["alerts", "delete", "Otra@Example.org"], environment: setup.environment,
                currentDirectory: setup.stack.directory)
            #expect(deleted.status == 0 && deleted.stdout.contains("deleted 2 subscriptions"), "\(deleted.output)")
            let dump = try Shell.run("sqlite3", ["\(setup.stack.directory)/test.db", ".dump"])
            #expect(!dump.stdout.contains("otra@example.org"), "nothing of the address is left")
            #expect(try setup.alertsList().contains("unconfirmed requests:      0"))

            // Bad input is a 400 naming what was wrong (sent from another loopback address: this one has used up
            // its burst of alert requests).
            for (body, code) in [
                (#"{"email":"no es una dirección","q":"agua"}"#, "invalid_email"),
                (#"{"email":"a@example.org\r\nBcc: b@example.org","q":"agua"}"#, "invalid_email"),
                (#"{"email":"a@example.org","q":""}"#, "missing_query"),
                (#"{"email":"a@example.org","q":"agua","frequency":"daily"}"#, "invalid_frequency"),
            ] {
                let answer = try setup.stack.curl([
                    "--interface", "127.0.3.1", "-X", "POST",
                    "https://127.0.0.1:\(setup.stack.httpsPort)/api/v1/alerts",
                    "-H", "Content-Type: application/json", "--data-binary", body,
                ])
                #expect(answer.status == 400 && answer.errorCode == code, "\(body): \(answer.body)")
            }

            // nginx limits alert requests per client address: a burst from one address meets a JSON 429.
            var statuses: [Int] = []
            for index in 0..<10 {
                let answer = try setup.stack.curl([
                    "--interface", "127.0.3.2", "-X", "POST",
                    "https://127.0.0.1:\(setup.stack.httpsPort)/api/v1/alerts",
                    "-H", "Content-Type: application/json", "--data-binary",
                    #"{"email":"limite\#(index)@example.org","q":"agua"}"#,
                ])
                statuses.append(answer.status)
                if answer.status == 429 { #expect(answer.errorCode == "too_many_requests") }
            }
            #expect(statuses.first == 202 && statuses.contains(429), "\(statuses)")
        }

        /// «Seguir esta búsqueda», the confirmation page and the management page in headless Chromium
        /// (Tests/Browser/alerts_web_test.py), screenshots in `.build/test-artifacts/alerts-web/`.
        @Test(.enabled(if: MailServer.isAvailable)) func theFormAndThePagesInARealBrowser() throws {
            let python = "\(Paths.repository)/.build/browser-venv/bin/python3"
            for tool in [python, "/usr/bin/chromium", "/usr/bin/chromedriver"] {
                guard FileManager.default.isExecutableFile(atPath: tool) else {
                    throw TestSupportError("\(tool) is missing: run 'scripts/install-deps test' (make test does)")
                }
            }
            let setup = try Self.setUp()
            defer { setup.stop() }
            #expect(try setup.fetch("2024-07-08").status == 0)
            let artifacts = "\(Paths.repository)/.build/test-artifacts/alerts-web"
            try? FileManager.default.removeItem(atPath: artifacts)
            try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
            let result = try Shell.run(
                python,
                [
                    "\(Paths.repository)/Tests/Browser/alerts_web_test.py", "--base-url",
                    "https://127.0.0.1:\(setup.stack.httpsPort)", "--ca-file", setup.stack.caPath, "--artifacts",
                    artifacts, "--maildir", "\(setup.mail.directory)/maildir",
                ])
            print(result.output)
            #expect(result.status == 0 && result.stdout.contains("5 passed, 0 failed"), "\(result.output)")
        }

        @Test func withoutMailTheAlertRoutesAnswerAlertsDisabled() throws {
            let stack = try Stack(workers: 1)
            defer { stack.stop() }
            try stack.start()
            for path in ["/api/v1/alerts", "/api/v1/alerts/manage?a=x&t=y"] {
                let answer = try stack.get(path)
                #expect(answer.status == 404 && answer.errorCode == "alerts_disabled", "\(path): \(answer.body)")
            }
            let post = try stack.curl([
                "-X", "POST", "https://127.0.0.1:\(stack.httpsPort)/api/v1/alerts", "-H",
                "Content-Type: application/json",
                "--data-binary", #"{"email":"a@example.org","q":"agua"}"#,
            ])
            #expect(post.status == 404 && post.errorCode == "alerts_disabled", "\(post.body)")
        }
    }
}
