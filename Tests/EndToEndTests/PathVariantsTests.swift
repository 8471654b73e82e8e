import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 15, rows 1–3: one view of a path. nginx chooses a location (and its limits) on its normalised path,
    /// so the app must route on that same path: `POST /api/v1/chat/` was a chat without the chat location's
    /// limits, `GET /api/v1/search/` a search without the search location's, and
    /// `DELETE /api/v1/admin/documents/..%2F..%2F..%2Fhealth` from outside the allow-list reached the admin token
    /// check. Every route, spelt in every variant, gets a 404 or the canonical route's limits (a 429 after its
    /// burst), from a client address of its own so that the zones do not mix.
    @Suite struct PathVariantsTests {
        static func variants(of path: String) -> [String] {
            let cut = path.index(path.startIndex, offsetBy: "/api".count, limitedBy: path.endIndex) ?? path.endIndex
            let head = String(path[..<cut])
            let tail = String(path[cut...])
            let lastSlash = path.lastIndex(of: "/") ?? path.startIndex
            let encodedLastSlash = String(path[..<lastSlash]) + "%2F" + String(path[path.index(after: lastSlash)...])
            var variants: [String] = [path + "/", head + "/" + tail, head + "/." + tail]
            variants.append(head + "%2F" + String(tail.dropFirst()))
            variants.append(head + "/x/%2E%2E" + tail)
            variants += [path + ";x", path.uppercased()]
            if lastSlash != path.startIndex { variants.append(encodedLastSlash) }
            return variants
        }

        /// The router's rule: as many segments, literals equal, parameters non-empty.
        static func pattern(_ pattern: String, matches path: String) -> Bool {
            let expected = pattern.split(separator: "/", omittingEmptySubsequences: false)
            let actual = path.split(separator: "/", omittingEmptySubsequences: false)
            guard expected.count == actual.count else { return false }
            return zip(expected, actual).allSatisfy { want, got in
                want.hasPrefix("{") ? !got.isEmpty : want == got
            }
        }

        static func samplePath(_ pattern: String) -> String {
            pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
                segment == "{date}" ? "2024-07-15" : segment.hasPrefix("{") ? "7" : String(segment)
            }.joined(separator: "/")
        }

        /// `count` requests at once from `address`; their statuses. They go as HTTP/2 streams of one connection
        /// (no `--parallel-immediate`): 40 TLS handshakes on a busy machine can spread the requests over more time
        /// than the limit's burst covers, and then no request is over the limit.
        static func burst(_ stack: Stack, method: String, path: String, from address: String, count: Int) throws
            -> [Int]
        {
            var arguments = [
                "-s", "--cacert", stack.caPath, "--interface", address, "--http2", "--parallel", "--parallel-max",
                "64", "-X", method, "-w", "%{http_code}\n",
            ]
            if method == "POST" {
                arguments += ["-H", "Content-Type: application/json", "--data-binary", #"{"question":"¿calzado?"}"#]
            }
            let url = "https://127.0.0.1:\(stack.httpsPort)\(path)"
            arguments += (0..<count).flatMap { _ in ["-o", "/dev/null", url] }
            return try Shell.run("curl", arguments).stdout.split(separator: "\n").map { Int($0) ?? 0 }
        }

        @Test func everyRouteInEveryVariantIsA404OrHasTheCanonicalRoutesLimits() throws {
            let stack = try Stack(workers: 3)
            defer { stack.stop() }
            try stack.start()
            var environment = stack.poolEnvironment
            environment["GACETACHAT_PROFILE"] = "development"
            environment["GACETACHAT_DATABASE_URL"] = "sqlite:\(stack.directory)/routes.db"
            let listed = try Shell.run(try Paths.binary(), ["routes"], environment: environment)
            try listed.expectSuccess("gacetachat routes")
            let routes = listed.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            #expect(routes.count >= 10)

            var address = 0
            for route in routes {
                let (method, canonical) = (route[0], Self.samplePath(route[1]))
                let isAdmin = canonical.hasPrefix("/api/v1/admin/")
                for path in [canonical] + Self.variants(of: canonical) {
                    address += 1
                    // Outside the admin allow-list (127.0.0.1 and ::1) for the admin routes, as row 3 was.
                    let from = "127.0.\(10 + address / 200).\(address % 200 + 2)"
                    let statuses = try Self.burst(stack, method: method, path: path, from: from, count: 40)
                    let context = Comment(rawValue: "\(method) \(path) from \(from): \(statuses)")
                    #expect(statuses.count == 40, context)
                    #expect(statuses.allSatisfy { $0 != 0 && $0 < 500 }, context)
                    if isAdmin {
                        #expect(statuses.allSatisfy { $0 == 403 || $0 == 404 || $0 == 429 }, context)
                    } else if path == canonical {
                        #expect(statuses.contains(429), "the canonical route has a limit: \(context)")
                    }
                }
            }
            // What the workers answered other than 404: only paths their own route's pattern matches (so nginx,
            // which chose the location on that same path, applied that route's limits).
            let patterns = routes.map { $0[1] }
            for line in stack.masterLog().split(separator: "\n") where line.contains(" path=") {
                let fields = Dictionary(
                    line.split(separator: " ").compactMap { field -> (String, String)? in
                        guard let equals = field.firstIndex(of: "=") else { return nil }
                        return (String(field[..<equals]), String(field[field.index(after: equals)...]))
                    }, uniquingKeysWith: { first, _ in first })
                guard let path = fields["path"], let status = fields["status"], status != "404" else { continue }
                #expect(
                    path == "/health" || patterns.contains { Self.pattern($0, matches: path) },
                    "answered \(status) on \(path), which no route's pattern matches: \(line)")
            }
            #expect(!stack.masterLog().contains("exited on signal"))
        }
    }
}
