import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// `ingest` keeps each PDF under `storage.files_dir` and nginx sends it for `/api/v1/documents/{id}/pdf`
    /// (`X-Accel-Redirect` to an `internal` location), never through a worker.
    @Suite struct StoredPDFTests {
        @Test func ingestKeepsThePDFAndNginxSendsItThroughXAccelRedirect() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            let pdf = "\(stack.directory)/gaceta-150.pdf"
            try GazettePDF.write(
                to: pdf, number: 150, date: "5 de agosto del 2024", firstPrinted: 3,
                pages: ["El Poder Ejecutivo fija la tarifa del peaje de la ruta 27.", "Segunda página."])
            let markdown = "\(stack.directory)/aviso.md"
            try """
            ---
            title: Aviso sin PDF
            publication_date: '2024-08-05'
            ---
            Un aviso publicado como texto, sin archivo PDF.
            """.write(toFile: markdown, atomically: true, encoding: .utf8)
            let ingest = try Shell.run(
                try Paths.binary(), ["ingest", pdf, markdown], environment: stack.poolEnvironment)
            #expect(ingest.status == 0, "\(ingest.output)")

            let sha = try Shell.run("sha256sum", [pdf]).stdout.prefix(64)
            let kept = "\(stack.filesDirectory)/\(sha.prefix(2))/\(sha).pdf"
            #expect(FileManager.default.contentsEqual(atPath: kept, andPath: pdf), "the PDF is kept as XX/SHA.pdf")
            let leftovers = try FileManager.default.contentsOfDirectory(
                atPath: "\(stack.filesDirectory)/\(sha.prefix(2))")
            #expect(leftovers == ["\(sha).pdf"], "no temporary file is left behind")

            // Idempotent, and a rerun restores a kept copy that went missing.
            try FileManager.default.removeItem(atPath: kept)
            let again = try Shell.run(try Paths.binary(), ["ingest", pdf], environment: stack.poolEnvironment)
            #expect(again.stderr.contains("1 unchanged"), "\(again.output)")
            #expect(FileManager.default.fileExists(atPath: kept))

            try stack.start()
            let hits = try #require(try stack.get("/api/v1/search?q=peaje").json()["hits"] as? [[String: Any]])
            let id = try #require(hits.first?["document_id"] as? Int)
            let response = try stack.get("/api/v1/documents/\(id)/pdf")
            #expect(response.status == 200, "\(response.body.prefix(300))")
            #expect(response.headers["content-type"] == "application/pdf")
            #expect(response.headers["x-accel-redirect"] == nil, "nginx consumes the redirect")
            #expect(response.body.hasPrefix("%PDF"))
            let size = try FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int
            #expect(response.headers["content-length"].flatMap(Int.init) == size)

            let direct = try stack.get("/_gacetachat_files/\(sha.prefix(2))/\(sha).pdf")
            #expect(direct.status == 404, "the file location is internal")

            let day = try stack.get("/api/v1/editions/2024-08-05").json()
            let documents = ((day["editions"] as? [[String: Any]]) ?? []).flatMap {
                ($0["documents"] as? [[String: Any]]) ?? []
            }
            let notice = try #require(documents.first { $0["title"] as? String == "Aviso sin PDF" }?["id"] as? Int)
            let noPDF = try stack.get("/api/v1/documents/\(notice)/pdf")
            #expect(noPDF.status == 404)
            #expect(noPDF.errorCode == "not_found")
            #expect(noPDF.body.contains("not published from a PDF"), "\(noPDF.body)")

            try FileManager.default.removeItem(atPath: kept)
            let missing = try stack.get("/api/v1/documents/\(id)/pdf")
            #expect(missing.status == 404)
            #expect(missing.body.contains("not in the file store"), "\(missing.body)")
            #expect(try stack.get("/api/v1/documents/999999/pdf").status == 404)
        }
    }
}
