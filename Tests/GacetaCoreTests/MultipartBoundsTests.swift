import GacetaCore
import Testing

@testable import GacetaAPI

/// Issue 15: the multipart parser bounds its input's shape: a boundary of at most 70 characters (RFC 2046) and
/// at most `MultipartForm.maximumParts` parts; past either, a 400 that says which.
@Suite struct MultipartBoundsTests {
    private func form(parts: Int, boundary: String) -> [UInt8] {
        var text = ""
        for index in 0..<parts {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"p\(index)\"\r\n\r\nvalue \(index)\r\n"
        }
        return Array((text + "--\(boundary)--\r\n").utf8)
    }

    private func refusal(_ body: [UInt8], boundary: String) -> HTTPError? {
        do {
            _ = try MultipartForm(body: body, contentType: "multipart/form-data; boundary=\(boundary)")
            return nil
        } catch {
            return error
        }
    }

    @Test func aBoundaryOverSeventyCharactersIsRefused() throws {
        let longest = String(repeating: "b", count: 70)
        #expect(
            try MultipartForm(
                body: form(parts: 1, boundary: longest), contentType: "multipart/form-data; boundary=\(longest)"
            ).parts.count == 1)
        let tooLong = String(repeating: "b", count: 71)
        let error = try #require(refusal(form(parts: 1, boundary: tooLong), boundary: tooLong))
        #expect(error.status == 400)
        #expect(error.message.contains("boundary"), "\(error.message)")
    }

    @Test func moreThanTheMaximumOfPartsIsRefused() throws {
        let allowed = MultipartForm.maximumParts
        #expect(
            try MultipartForm(
                body: form(parts: allowed, boundary: "XyZ"), contentType: "multipart/form-data; boundary=XyZ"
            ).parts.count == allowed)
        let error = try #require(refusal(form(parts: allowed + 1, boundary: "XyZ"), boundary: "XyZ"))
        #expect(error.status == 400)
        #expect(error.message.contains("more than \(allowed) parts"), "\(error.message)")
    }
}
