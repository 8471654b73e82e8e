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
        let response = router.respond(to: Request(method: "GET", path: "/api/v1/documents/a%20b"), logger: quietLogger)
        #expect(response.status == 200)
        #expect(try json(response)["id"] as? String == "a b")
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

    @Test func malformedEscapesInThePathAre400() throws {
        let response = router.respond(to: Request(method: "GET", path: "/api/v1/documents/%zz"), logger: quietLogger)
        #expect(response.status == 400)
        #expect(try errorCode(response) == "bad_request")
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
