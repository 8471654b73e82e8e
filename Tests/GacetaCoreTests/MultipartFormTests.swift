import Foundation
import GacetaCore
import Testing

@testable import GacetaAPI

@Suite struct MultipartFormTests {
    private func body(_ text: String) -> [UInt8] { Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }

    @Test func partsWithNamesFilenamesAndBinaryContent() throws {
        let form = try MultipartForm(
            body: body(
                """
                preamble
                --XyZ
                Content-Disposition: form-data; name="date"

                2024-07-15
                --XyZ
                Content-Disposition: form-data; name="file"; filename="COMP 15.pdf"
                Content-Type: application/pdf

                %PDF-1.4
                --XyZ not yet
                --XyZ--

                """), contentType: "multipart/form-data; boundary=\"XyZ\"")
        #expect(form.parts.map(\.name) == ["date", "file"])
        #expect(String(decoding: try #require(form.part("date")).body, as: UTF8.self) == "2024-07-15")
        let file = try #require(form.part("file"))
        #expect(file.filename == "COMP 15.pdf")
        #expect(String(decoding: file.body, as: UTF8.self) == "%PDF-1.4\r\n--XyZ not yet")
    }

    @Test func malformedBodiesAre4xxThatSayWhy() {
        let cases: [(String?, String, Int)] = [
            ("application/json", "{}", 415),
            ("multipart/form-data", "--a\n\nx\n--a--", 400),
            ("multipart/form-data; boundary=a", "no delimiter here", 400),
            ("multipart/form-data; boundary=a", "--a\nContent-Disposition: form-data; name=\"f\"\n\nnever closed", 400),
            ("multipart/form-data; boundary=a", "--a\nX-Other: 1\n\nx\n--a--", 400),
        ]
        for (type, text, status) in cases {
            #expect(throws: HTTPError.self) { try MultipartForm(body: body(text), contentType: type) }
            do {
                _ = try MultipartForm(body: body(text), contentType: type)
            } catch {
                #expect(error.status == status, "\(text): \(error)")
            }
        }
    }

    @Test func uploadNamesAreReducedToASafeBaseName() {
        #expect(AdminHandler.safeName("../../etc/passwd") == "passwd")
        #expect(AdminHandler.safeName("C:\\gacetas\\COMP_15_07_2024.pdf") == "COMP_15_07_2024.pdf")
        #expect(AdminHandler.safeName("La Gaceta Nº 1.pdf") == "La_Gaceta_N__1.pdf")
        #expect(AdminHandler.safeName(".hidden.pdf") == "_.hidden.pdf")
        #expect(AdminHandler.safeName("") == "upload.pdf")
    }
}
