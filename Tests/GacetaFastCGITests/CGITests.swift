import GacetaCore
import Testing

@testable import GacetaFastCGI

@Suite struct CGIRequestTests {
    private let base = [
        "REQUEST_METHOD": "POST", "REQUEST_URI": "/api/v1/chat?x=1", "QUERY_STRING": "x=1",
        "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": "12", "HTTP_ACCEPT_LANGUAGE": "es-CR",
        "REMOTE_ADDR": "127.0.0.1", "REQUEST_ID": "abc123",
    ]

    @Test func mapsParametersToARequest() throws {
        let head = try CGIRequest.parse(base)
        #expect(head.request.method == "POST")
        #expect(head.request.path == "/api/v1/chat")
        #expect(head.request.rawQuery == "x=1")
        #expect(head.request.headers["accept-language"] == "es-CR")
        #expect(head.request.headers["Content-Type"] == "application/json")
        #expect(head.request.remoteAddress == "127.0.0.1")
        #expect(head.request.requestID == "abc123")
        #expect(head.contentLength == 12)
    }

    @Test(arguments: ["-1", "12abc", "99999999999999999999999"])
    func malformedContentLengthIs400(value: String) {
        var parameters = base
        parameters["CONTENT_LENGTH"] = value
        #expect(throws: HTTPError.self) { try CGIRequest.parse(parameters) }
    }

    @Test func malformedQueryIs400BeforeRouting() {
        var parameters = base
        parameters["REQUEST_URI"] = "/health?q=%zz"
        #expect { try CGIRequest.parse(parameters) } throws: { ($0 as? HTTPError)?.status == 400 }
    }

    @Test func thePathIsTheOneNginxMatchedAndTheRawTargetMustReadAsIt() throws {
        var parameters = base
        parameters["REQUEST_URI"] = "/api/v1/./documents/a%20b?x=1"
        parameters["DOCUMENT_URI"] = "/api/v1/documents/a b"
        #expect(try CGIRequest.parse(parameters).request.path == "/api/v1/documents/a b")
        // Row 3 of issue 15: nginx matched another path than the one the app would have routed on.
        parameters["REQUEST_URI"] = "/api/v1/admin/documents/..%2F..%2F..%2Fhealth"
        parameters["DOCUMENT_URI"] = "/api/v1/admin/documents/7"
        #expect { try CGIRequest.parse(parameters) } throws: { ($0 as? HTTPError)?.code == "path_mismatch" }
    }

    @Test func headerNamesAreRebuiltFromCGIForm() {
        #expect(CGIRequest.headerName(fromCGI: "X_FORWARDED_FOR") == "X-Forwarded-For")
    }
}

@Suite struct CGIResponseTests {
    @Test func writesStatusHeadersAndLength() {
        var headers = Headers()
        headers.add("Content-Type", "application/json")
        headers.add("X-Evil", "a\r\nSet-Cookie: x=1")
        let head = CGIResponse.head(of: Response(status: 404, headers: headers, body: Array("{}".utf8)))
        #expect(head.hasPrefix("Status: 404 Not Found\r\n"))
        #expect(head.contains("Content-Length: 2\r\n"))
        #expect(head.contains("X-Evil: aSet-Cookie: x=1\r\n"))
        #expect(!head.contains("\r\nSet-Cookie"))
        #expect(head.hasSuffix("\r\n\r\n"))
    }
}
