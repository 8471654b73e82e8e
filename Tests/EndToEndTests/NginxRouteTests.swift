import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// The route rule (issue 15): every route the workers answer has its own nginx location, named by `# route:`
    /// lines above it, with its limits stated and a cache where it is a cacheable GET; no location names a route
    /// the app does not have. nginx's own choice of location is computed for a sample path of each route, so a
    /// regex or a prefix that catches it first fails the test too.
    @Suite struct NginxRouteTests {
        /// GET routes nginx must not cache, and why: liveness, a bearer secret, and a file nginx sends from disk.
        /// The alert routes: pages behind secret links and a request form, never cached.
        static let uncached: Set<String> = [
            "/health", "/api/v1/conversations/{id}", "/api/v1/documents/{id}/pdf", "/api/v1/alerts",
            "/api/v1/alerts/manage", "/api/v1/alerts/{id}/confirm", "/api/v1/alerts/{id}/unsubscribe",
        ]

        @Test func everyRouteHasItsOwnLimitedLocationAndEveryLocationAnAppRoute() throws {
            let scratch = try Paths.temporaryDirectory("routes")
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            var environment = Paths.testingEnvironment(directory: scratch)
            environment["GACETACHAT_PROFILE"] = "development"
            let listed = try Shell.run(try Paths.binary(), ["routes"], environment: environment)
            try listed.expectSuccess("gacetachat routes")
            let routes = listed.stdout.split(separator: "\n").map(String.init)
            #expect(routes.contains("POST /api/v1/chat") && routes.count >= 10, "\(routes)")

            let locations = try NginxLocation.parse(file: "\(Paths.repository)/nginx/snippets/gacetachat-app.conf")
            let annotated = locations.flatMap(\.routes)
            let onlyInApp = Set(routes).subtracting(annotated)
            let onlyInNginx = Set(annotated).subtracting(routes)
            #expect(
                onlyInApp.isEmpty && onlyInNginx.isEmpty, "only in the app: \(onlyInApp); only in nginx: \(onlyInNginx)"
            )
            #expect(annotated.count == Set(annotated).count, "a route is named above one location only")

            for location in locations where !location.routes.isEmpty {
                #expect(location.body.contains("limit_req zone="), "\(location.matcher): no stated limit")
                for route in location.routes {
                    let parts = route.split(separator: " ")
                    let (method, pattern) = (String(parts[0]), String(parts[1]))
                    let chosen = NginxLocation.choose(for: Self.samplePath(pattern), among: locations)
                    #expect(chosen?.matcher == location.matcher, "\(route): nginx picks \(chosen?.matcher ?? "none")")
                    if method == "GET" && !Self.uncached.contains(pattern) {
                        #expect(location.body.contains("fastcgi_cache gacetachat_cache"), "\(route): not cached")
                    } else {
                        #expect(!location.body.contains("fastcgi_cache "), "\(route) must not be cached")
                    }
                }
            }
            let general = try #require(locations.first { $0.matcher == "/api/" })
            #expect(general.body.contains("limit_req zone="), "location /api/ keeps a general limit")
        }

        /// A path the pattern matches: `{date}` a date, other parameters a number.
        static func samplePath(_ pattern: String) -> String {
            pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
                segment == "{date}" ? "2024-07-15" : segment.hasPrefix("{") ? "7" : String(segment)
            }.joined(separator: "/")
        }
    }
}

/// One `location` block of an nginx file: its modifier (`=`, `^~`, `~`, `~*` or none), its matcher, its
/// directives, and the routes named by the `# route: METHOD /pattern` comments just above it.
struct NginxLocation {
    var modifier: String
    var matcher: String
    var body: String
    var routes: [String]

    static func parse(file: String) throws -> [NginxLocation] {
        var locations: [NginxLocation] = []
        var pending: [String] = []
        var current: NginxLocation?
        for line in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if var open = current {
                if text == "}" {
                    locations.append(open)
                    current = nil
                } else {
                    open.body += text + "\n"
                    current = open
                }
            } else if text.hasPrefix("# route: ") {
                pending.append(String(text.dropFirst("# route: ".count)))
            } else if text.hasPrefix("location "), text.hasSuffix("{") {
                var words = text.dropFirst("location ".count).dropLast().split(separator: " ").map(String.init)
                let modifier = ["=", "^~", "~", "~*"].contains(words.first ?? "") ? words.removeFirst() : ""
                let matcher = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                current = NginxLocation(modifier: modifier, matcher: matcher, body: "", routes: pending)
                pending = []
            } else if !text.hasPrefix("#") {
                pending = []
            }
        }
        return locations
    }

    /// nginx's choice: an exact match; else the longest prefix if it is `^~`; else the first regex that matches;
    /// else the longest prefix. Named locations (`@…`) are never chosen by a path.
    static func choose(for path: String, among locations: [NginxLocation]) -> NginxLocation? {
        if let exact = locations.first(where: { $0.modifier == "=" && $0.matcher == path }) { return exact }
        let prefixes = locations.filter { ($0.modifier.isEmpty || $0.modifier == "^~") && path.hasPrefix($0.matcher) }
        let longest = prefixes.max { $0.matcher.count < $1.matcher.count }
        if let longest, longest.modifier == "^~" { return longest }
        for location in locations where location.modifier.hasPrefix("~") {
            let options: NSRegularExpression.Options = location.modifier == "~*" ? [.caseInsensitive] : []
            guard let regex = try? NSRegularExpression(pattern: location.matcher, options: options) else { continue }
            if regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil { return location }
        }
        return longest
    }
}
