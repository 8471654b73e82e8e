import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Issue 15: the OpenAPI 3.1 description covers every route the workers answer (`gacetachat routes`, the
    /// development profile's full wiring), and describes no route they do not have; every `{parameter}` of a
    /// pattern is declared as a path parameter; the stack serves the same document at /api/v1/openapi.json.
    @Suite struct OpenAPIRoutesTests {
        @Test func everyRouteIsInTheDocumentAndEveryOperationARoute() throws {
            let scratch = try Paths.temporaryDirectory("openapi")
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            var environment = Paths.testingEnvironment(directory: scratch)
            environment["GACETACHAT_PROFILE"] = "development"
            let listed = try Shell.run(try Paths.binary(), ["routes"], environment: environment)
            try listed.expectSuccess("gacetachat routes")
            let routes = Set(listed.stdout.split(separator: "\n").map(String.init))
            let printed = try Shell.run(try Paths.binary(), ["routes", "--openapi"], environment: environment)
            try printed.expectSuccess("gacetachat routes --openapi")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var described: Set<String> = []
            for (path, methods) in paths {
                for (method, operation) in methods {
                    described.insert("\(method.uppercased()) \(path)")
                    let operation = try #require(operation as? [String: Any], "\(method) \(path)")
                    #expect((operation["responses"] as? [String: Any])?.isEmpty == false, "\(method) \(path)")
                    let declared = Set(
                        ((operation["parameters"] as? [[String: Any]]) ?? []).filter { $0["in"] as? String == "path" }
                            .compactMap { $0["name"] as? String })
                    let inPattern = Set(
                        path.split(separator: "/").filter { $0.hasPrefix("{") }.map {
                            String($0.dropFirst().dropLast())
                        })
                    #expect(declared == inPattern, "\(method) \(path): path parameters \(declared)")
                }
            }
            #expect(routes.count >= 10, "\(routes)")
            #expect(
                routes == described,
                "only in the router: \(routes.subtracting(described)); only in the document: \(described.subtracting(routes))"
            )
        }
    }
}
