import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// The web page in headless Chromium (Tests/Browser/web_test.py, Selenium from the venv that
    /// `scripts/install-deps test` makes) against the real stack over HTTPS: the landing view (today's summary, its
    /// bullets linking to their pages) and its calendar by keyboard, a streamed answer with citation links,
    /// a conversation reopened from its URL (fresh load, back, reload, a follow-up) and an unknown one,
    /// a cited page and its PDF, search with a filter and two pages, editions, the no-result, offline and 502
    /// messages, 360 px screenshots (`.build/test-artifacts/web/`) without horizontal scrolling.
    @Suite struct WebPageTests {
        static let venvPython = "\(Paths.repository)/.build/browser-venv/bin/python3"
        static let artifacts = "\(Paths.repository)/.build/test-artifacts/web"

        @Test func askSearchReadAndFailGracefullyInARealBrowser() throws {
            for tool in [Self.venvPython, "/usr/bin/chromium", "/usr/bin/chromedriver"] {
                guard FileManager.default.isExecutableFile(atPath: tool) else {
                    throw TestSupportError("\(tool) is missing: run 'scripts/install-deps test' (make test does)")
                }
            }
            // A model that streams its answer in pieces, so the page shows it arriving (a sentence at a time: each
            // is checked against its passage before it is shown).
            let model = try OpenAIStubServer(
                mode: .stream([
                    "El precio del calzado escolar ", "tiene un máximo ", "fijado por el Ministerio [1]. ",
                    "Lo fija el Ministerio ", "de Economía [1].",
                ]))
            defer { model.stop() }
            let stack = try Stack(
                workers: 2,
                environment: ["GACETACHAT_LLM_BASE_URL": model.baseURL, "GACETACHAT_LLM_MODEL": "stub-model"])
            defer { stack.stop() }
            let first = "\(stack.directory)/gaceta-140.pdf"
            try GazettePDF.write(
                to: first, number: 140, date: "1 de agosto del 2024", weekday: "Jueves", firstPrinted: 7,
                pages: [
                    "El Ministerio de Economía fija un precio máximo para el calzado escolar de cuero negro.",
                    "El salario mínimo de las personas trabajadoras domésticas aumenta un cuatro por ciento.",
                    "La Caja Costarricense de Seguro Social abre una licitación para comprar medicamentos.",
                ])
            let second = "\(stack.directory)/gaceta-141.pdf"
            try GazettePDF.write(
                to: second, number: 141, date: "2 de agosto del 2024", weekday: "Viernes", firstPrinted: 1,
                pages: (1...14).map {
                    "Licitación pública número \($0) del Instituto Costarricense de Electricidad para la zona \($0)."
                })
            let ingest = try Shell.run(
                try Paths.binary(), ["ingest", first, second], environment: stack.poolEnvironment)
            #expect(ingest.status == 0, "\(ingest.output)")
            // The landing view shows the day's summary: generated offline here (fetch would have done it).
            var offline = stack.poolEnvironment
            offline.removeValue(forKey: "GACETACHAT_LLM_BASE_URL")
            for date in ["2024-08-01", "2024-08-02"] {
                let summarize = try Shell.run(
                    try Paths.binary(), ["summarize", "--date", date], environment: offline)
                #expect(summarize.status == 0, "\(summarize.output)")
            }
            try stack.start()
            let master = try #require(stack.master?.processIdentifier)

            try? FileManager.default.removeItem(atPath: Self.artifacts)
            try FileManager.default.createDirectory(atPath: Self.artifacts, withIntermediateDirectories: true)
            let (status, output) = try runBrowserTest([
                "\(Paths.repository)/Tests/Browser/web_test.py", "--base-url", "https://127.0.0.1:\(stack.httpsPort)",
                "--ca-file", stack.caPath, "--artifacts", Self.artifacts, "--master-pid", "\(master)",
            ])
            print("web page screenshots: \(Self.artifacts)")
            #expect(status == 0, "\(output)")
            #expect(output.contains("15 passed, 0 failed"), "\(output)")
            let screenshots = try FileManager.default.contentsOfDirectory(atPath: Self.artifacts)
            #expect(screenshots.filter { $0.hasSuffix(".png") }.count >= 8, "\(screenshots)")
        }

        @Test func nginxServesThePageFromDiskWithCacheHeadersAndAStrictPolicy() throws {
            let stack = try Stack(workers: 1)
            defer { stack.stop() }
            try stack.start()
            stack.signalMaster(SIGTERM)
            _ = try stack.waitForMasterExit()

            // No worker is left, and the page and its assets are still served: nginx reads them from disk.
            let page = try stack.get("/")
            #expect(page.status == 200)
            #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(page.body.contains("<html lang=\"es\">"))
            #expect(page.headers["cache-control"] == "no-cache")
            let policy = try #require(page.headers["content-security-policy"])
            for directive in ["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'"] {
                #expect(policy.contains(directive), "\(policy)")
            }
            #expect(!policy.contains("unsafe-inline"))
            #expect(page.headers["strict-transport-security"] != nil, "a location's add_header keeps the others")
            #expect(page.headers["x-content-type-options"] == "nosniff")
            #expect(!page.body.contains("<script>") && !page.body.contains("style="), "nothing inline")
            #expect(!page.body.contains("http://") && !page.body.contains("https://"), "nothing from elsewhere")

            let names = page.body.components(separatedBy: "\"/assets/").dropFirst().compactMap {
                $0.split(separator: "\"").first.map(String.init)
            }
            #expect(names.count == 3, "\(names)")
            for name in names {
                #expect(name.range(of: #"^[a-z]+\.[0-9a-f]{10}\.(js|css|svg)$"#, options: .regularExpression) != nil)
                let asset = try stack.get("/assets/\(name)")
                #expect(asset.status == 200, "\(name)")
                #expect(asset.headers["cache-control"] == "public, max-age=31536000, immutable", "\(name)")
                #expect(asset.headers["content-security-policy"] == policy)
                #expect(asset.headers["strict-transport-security"] != nil)
            }
            // The modules the entry point imports are hashed as one set with it: every import names a hashed
            // file that nginx serves with the same year-long caching.
            let entry = try #require(names.first { $0.hasPrefix("app.") })
            let setHash = entry.split(separator: ".")[1]
            let app = try stack.get("/assets/\(entry)")
            let imports = app.body.components(separatedBy: "from './").dropFirst().compactMap {
                $0.split(separator: "'").first.map(String.init)
            }
            #expect(imports.count >= 4, "app.js imports its views: \(imports)")
            for module in imports {
                #expect(module.hasSuffix(".\(setHash).js"), "\(module) is not in the set \(setHash)")
                let asset = try stack.get("/assets/\(module)")
                #expect(asset.status == 200, "\(module)")
                #expect(asset.headers["cache-control"] == "public, max-age=31536000, immutable", "\(module)")
                #expect(asset.headers["content-type"]?.contains("javascript") == true, "\(module)")
            }
            let unhashed = try stack.get("/assets/app.js")
            #expect(unhashed.status == 404)
            let unknown = try stack.get("/no/such/page")
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "not_found", "unknown paths stay JSON 404s")
            #expect(try stack.get("/api/v1/editions").status == 502, "the API needs the pool")
        }

        /// Runs the script with its output in a file (Chromium's helpers must not hold a pipe of ours), killing it
        /// after five minutes.
        private func runBrowserTest(_ arguments: [String]) throws -> (Int32, String) {
            let log = "\(Self.artifacts)/web_test.log"
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            defer { try? handle.close() }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.venvPython)
            process.arguments = arguments
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let finished = (try? waitUntil("the browser test", timeout: 300) { !process.isRunning }) != nil
            if !finished {
                process.terminate()
                process.waitUntilExit()
            }
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            return (finished ? process.terminationStatus : -1, output)
        }
    }
}
