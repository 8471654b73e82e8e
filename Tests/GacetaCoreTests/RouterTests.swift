import GacetaAPI
import GacetaCore
import Logging
import Testing

import Foundation

private let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

private func json(_ response: Response) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(response.body))
    return try #require(object as? [String: Any])
}

private func errorCode(_ response: Response) throws -> String? {
    (try json(response)["error"] as? [String: Any])?["code"] as? String
}

@Suite struct RouterTests {
    private var router: Router {
        var router = Router()
        router.get("/api/v1/documents/{id}") { _, parameters in
            Response.json(["id": parameters["id"] ?? ""])
        }
        router.post("/api/v1/chat") { _, _ in Response(status: 201) }
        router.get("/boom") { _, _ in throw CancellationError() }
        router.get("/teapot") { _, _ in throw HTTPError(status: 418, code: "teapot", message: "short and stout") }
        return router
    }

    @Test func matchesParametersAndDecodesThem() throws {
        // Request.path is already decoded (nginx's DOCUMENT_URI): the router never decodes it again.
        let response = router.respond(to: Request(method: "GET", path: "/api/v1/documents/a b"), logger: quietLogger)
        #expect(response.status == 200)
        #expect(try json(response)["id"] as? String == "a b")
        let twice = router.respond(to: Request(method: "GET", path: "/api/v1/documents/%41"), logger: quietLogger)
        #expect(try json(twice)["id"] as? String == "%41")
    }

    @Test func unknownPathIs404InTheErrorShape() throws {
        let response = router.respond(to: Request(method: "GET", path: "/api/v2/nothing"), logger: quietLogger)
        #expect(response.status == 404)
        #expect(try errorCode(response) == "not_found")
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let response = router.respond(to: Request(method: "DELETE", path: "/api/v1/chat"), logger: quietLogger)
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "POST")
        #expect(try errorCode(response) == "method_not_allowed")
    }

    @Test func headIsServedByTheGetRoute() {
        let response = router.respond(to: Request(method: "HEAD", path: "/api/v1/documents/7"), logger: quietLogger)
        #expect(response.status == 200)
    }

    @Test func httpErrorsChooseTheirStatusAndOthersBecomeA500WithoutDetails() throws {
        let teapot = router.respond(to: Request(method: "GET", path: "/teapot"), logger: quietLogger)
        #expect(teapot.status == 418)
        let boom = router.respond(to: Request(method: "GET", path: "/boom"), logger: quietLogger)
        #expect(boom.status == 500)
        #expect(try errorCode(boom) == "internal_error")
        #expect(!String(decoding: boom.body, as: UTF8.self).contains("Cancellation"))
    }

    @Test(arguments: [
        "/api/v1/chat/", "/api/v1//chat", "/api/v1/./chat", "/api/v1/x/../chat", "//api/v1/chat", "/api/v1/documents/",
        "/api/v1/documents/7/", "/api/v1/documents/..", "/api/v1/documents/.", "",
    ])
    func trailingSlashesEmptyAndDotSegmentsAre404BeforeAnyHandler(path: String) throws {
        let response = router.respond(to: Request(method: "POST", path: path), logger: quietLogger)
        #expect(response.status == 404, "\(path)")
        #expect(try errorCode(response) == "not_found")
    }
}

@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/api/v1/chat", "/api/v1/chat"), ("/api/v1/chat/", "/api/v1/chat/"), ("/api//v1///chat", "/api/v1/chat"),
        ("/api/./v1/chat", "/api/v1/chat"), ("/api/x/../v1/chat", "/api/v1/chat"), ("/api%2Fv1/chat", "/api/v1/chat"),
        ("/api/x/%2E%2E/v1/chat", "/api/v1/chat"), ("/a/b/..", "/a/"), ("/a/.", "/a/"), ("/", "/"), ("//", "/"),
        ("/api/v1/documents/a%20b", "/api/v1/documents/a b"), ("/api/v1/chat;x", "/api/v1/chat;x"),
    ])
    func normalisesAsNginxDoes(raw: String, expected: String) throws {
        #expect(try RequestPath.normalised(Substring(raw)) == expected)
    }

    @Test func withoutNginxAnEncodedSlashIs404AndMalformedEscapesAre400() throws {
        #expect { try RequestPath.decodedSegments("/api/v1/documents/a%2Fb") } throws: {
            ($0 as? HTTPError)?.status == 404
        }
        #expect { try RequestPath.decodedSegments("/api/v1/documents/%zz") } throws: {
            ($0 as? HTTPError)?.status == 400
        }
        #expect(try RequestPath.decodedSegments("/api/v1/documents/a%20b/..") == "/api/v1/documents/a b/..")
    }
}

@Suite struct QueryStringTests {
    @Test func decodesPairsPlusesAndUTF8() throws {
        let items = try QueryString.parse("q=salario+m%C3%ADnimo&page=2&flag&q=otra")
        #expect(items.map(\.name) == ["q", "page", "flag", "q"])
        #expect(items[0].value == "salario mínimo")
        #expect(items[2].value == "")
        #expect(try Request(method: "GET", path: "/", rawQuery: "q=a&q=b").query("q") == "a")
    }

    @Test(arguments: ["q=%", "q=%4", "q=%zz", "q=%C3"])
    func rejectsMalformedEscapes(raw: String) {
        #expect(throws: HTTPError.self) { try QueryString.parse(raw) }
    }
}

@Suite struct HealthTests {
    @Test func reportsStatusVersionProfilePidAndUptime() throws {
        let router = API.router(context: ServiceContext(profile: "testing", pid: 4242))
        let response = router.respond(to: Request(method: "GET", path: "/health"), logger: quietLogger)
        #expect(response.status == 200)
        let body = try json(response)
        #expect(body["status"] as? String == "ok")
        #expect(body["profile"] as? String == "testing")
        #expect(body["pid"] as? Int == 4242)
        #expect(body["version"] as? String == GacetaVersion.string)
        #expect((body["uptime_seconds"] as? Double).map { $0 >= 0 } == true)
    }
}
