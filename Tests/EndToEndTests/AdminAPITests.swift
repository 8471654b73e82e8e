import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// `/api/v1/admin/…` through nginx: tokens from `gacetachat admin token create`, uploads that become searchable,
    /// deletions, re-index, and a log line for every action.
    @Suite struct AdminAPITests {
        /// nginx's allow-list: a client from another address (127.0.0.2, as a remote host would be) gets nginx's
        /// JSON 403 for the admin API, the status page and the metrics, even with a valid token; the public API
        /// still answers it.
        @Test func adminStatusAndMetricsAreRefusedToAddressesOutsideTheAllowList() throws {
            let stack = try Stack(workers: 1)
            defer { stack.stop() }
            let binary = try Paths.binary()
            try Shell.run(binary, ["migrate"], environment: stack.poolEnvironment).expectSuccess("migrate")
            let created = try Shell.run(
                binary, ["admin", "token", "create", "--name", "outside"], environment: stack.poolEnvironment)
            try created.expectSuccess("admin token create")
            let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            try stack.start()
            let outside = ["--interface", "127.0.0.2"]
            let admin = try stack.get(
                "/api/v1/admin/reindex", outside + ["-X", "POST", "-H", "Authorization: Bearer \(token)"])
            #expect(admin.status == 403)
            #expect(admin.errorCode == "forbidden")
            #expect(admin.headers["x-request-id"] == nil, "nginx answered; no worker saw it")
            #expect(try stack.get("/status", outside).status == 403)
            #expect(try stack.get("/metrics", outside).status == 403)
            #expect(try stack.get("/health", outside).status == 200, "the public API answers that address")
            let inside = try stack.get("/api/v1/admin/reindex", ["-X", "POST", "-H", "Authorization: Bearer \(token)"])
            #expect(inside.status == 200, "\(inside.body)")
        }

        @Test func adminRoutesNeedAValidTokenAndAnUploadedPDFBecomesSearchable() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            let binary = try Paths.binary()
            try Shell.run(binary, ["migrate"], environment: stack.poolEnvironment).expectSuccess("migrate")
            let created = try Shell.run(
                binary, ["admin", "token", "create", "--name", "ci"], environment: stack.poolEnvironment)
            try created.expectSuccess("admin token create")
            let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(token.hasPrefix("gca_") && token.count == 68)
            try stack.start()

            let bearer = ["-H", "Authorization: Bearer \(token)"]
            let missing = try stack.get("/api/v1/admin/reindex", ["-X", "POST"])
            #expect(missing.status == 401)
            #expect(missing.errorCode == "unauthorized")
            #expect(missing.headers["www-authenticate"]?.hasPrefix("Bearer") == true)
            let wrong = try stack.get(
                "/api/v1/admin/reindex",
                ["-X", "POST", "-H", "Authorization: Bearer gca_" + String(repeating: "0", count: 64)])
            #expect(wrong.status == 403)
            #expect(wrong.errorCode == "forbidden")

            // Upload → searchable through nginx.
            let pdf = "\(stack.directory)/COMP_08_08_2024.pdf"
            try GazettePDF.write(
                to: pdf, number: 152, date: "8 de agosto del 2024", weekday: "Jueves", firstPrinted: 1,
                pages: ["El Instituto Costarricense de Turismo declara de interés las ferias gastronómicas."])
            let upload = try stack.get("/api/v1/admin/documents", bearer + ["-F", "file=@\(pdf)"])
            #expect(upload.status == 201, "\(upload.body)")
            #expect(try upload.json()["outcome"] as? String == "inserted")
            #expect(try upload.json()["pages"] as? Int == 1)
            let uploadedEdition = try #require(try upload.json()["edition_id"] as? Int)
            let uploaded = try #require(try upload.json()["documents"] as? [[String: Any]])
            #expect(uploaded.count == 1, "no notice boundary in it: one document")
            #expect(uploaded.first?["first_page"] as? Int == 1 && uploaded.first?["last_page"] as? Int == 1)
            let noticeID = try #require(uploaded.first?["id"] as? Int)
            let search = "/api/v1/search?q=ferias+gastron%C3%B3micas"
            #expect((try stack.get(search).json())["total"] as? Int == 1)
            let again = try stack.get("/api/v1/admin/documents", bearer + ["-F", "file=@\(pdf)"])
            #expect(again.status == 200)
            #expect(try again.json()["outcome"] as? String == "unchanged")
            #expect(try again.json()["edition_id"] as? Int == uploadedEdition)
            // One notice of an edition cannot go alone.
            let notice = try stack.get("/api/v1/admin/documents/\(noticeID)", bearer + ["-X", "DELETE"])
            #expect(notice.status == 409, "\(notice.body)")
            #expect(notice.errorCode == "part_of_edition")
            #expect(notice.body.contains("delete the edition"), "\(notice.body)")
            #expect((try stack.get(search).json())["total"] as? Int == 1)
            let dropUploaded = try stack.get("/api/v1/admin/editions/\(uploadedEdition)", bearer + ["-X", "DELETE"])
            #expect(dropUploaded.status == 200, "\(dropUploaded.body)")
            #expect((try stack.get(search).json())["total"] as? Int == 0)

            // A PDF without a masthead stays one document, dated by the form's field, and can be deleted alone.
            let plain = "\(stack.directory)/reglamento.pdf"
            try GazettePDF.typeset(
                ".LP\nEl Instituto Costarricense de Turismo declara de interés las ferias gastronómicas.\n", to: plain)
            let plainUpload = try stack.get(
                "/api/v1/admin/documents", bearer + ["-F", "file=@\(plain)", "-F", "date=2024-08-08"])
            #expect(plainUpload.status == 201, "\(plainUpload.body)")
            let documentID = try #require(
                (try plainUpload.json()["documents"] as? [[String: Any]])?.first?["id"] as? Int)
            #expect((try stack.get(search).json())["total"] as? Int == 1)

            // Not a PDF; larger than the ordinary 1m body limit but within the upload limit: a 415, not a 413.
            let big = "\(stack.directory)/big.pdf"
            _ = FileManager.default.createFile(atPath: big, contents: Data(count: 1_500_000))
            let notPDF = try stack.get("/api/v1/admin/documents", bearer + ["-F", "file=@\(big)"])
            #expect(notPDF.status == 415, "\(notPDF.body)")
            #expect(try stack.get("/api/v1/chat", ["-X", "POST", "--data-binary", "@\(big)"]).status == 413)
            let noFile = try stack.get("/api/v1/admin/documents", bearer + ["-F", "other=x"])
            #expect(noFile.status == 400)

            let reindex = try stack.get("/api/v1/admin/reindex", bearer + ["-X", "POST"])
            #expect(reindex.status == 200)
            #expect((try reindex.json()["reindexed_chunks"] as? Int ?? 0) > 0)
            #expect((try stack.get(search).json())["total"] as? Int == 1)

            // Delete the document, then a whole edition.
            let delete = try stack.get("/api/v1/admin/documents/\(documentID)", bearer + ["-X", "DELETE"])
            #expect(delete.status == 200, "\(delete.body)")
            #expect((try stack.get(search).json())["total"] as? Int == 0)
            #expect(try stack.get("/api/v1/admin/documents/\(documentID)", bearer + ["-X", "DELETE"]).status == 404)

            let second = "\(stack.directory)/COMP_09_08_2024.pdf"
            try GazettePDF.write(
                to: second, number: 153, date: "9 de agosto del 2024", weekday: "Viernes", firstPrinted: 1,
                pages: ["Reglamento de ferias gastronómicas cantonales."])
            #expect(try stack.get("/api/v1/admin/documents", bearer + ["-F", "file=@\(second)"]).status == 201)
            #expect((try stack.get(search).json())["total"] as? Int == 1)
            let editions = try #require(
                try stack.get("/api/v1/editions/2024-08-09").json()["editions"] as? [[String: Any]])
            let editionID = try #require(editions.first?["id"] as? Int)
            let dropEdition = try stack.get("/api/v1/admin/editions/\(editionID)", bearer + ["-X", "DELETE"])
            #expect(dropEdition.status == 200, "\(dropEdition.body)")
            #expect(try dropEdition.json()["documents"] as? Int == 1)
            #expect((try stack.get(search).json())["total"] as? Int == 0)

            // Revoked: refused at once, no restart.
            try Shell.run(binary, ["admin", "token", "revoke", "--name", "ci"], environment: stack.poolEnvironment)
                .expectSuccess("revoke")
            #expect(try stack.get("/api/v1/admin/reindex", bearer + ["-X", "POST"]).status == 403)

            // Every action is in the log, with the token's name and never the token.
            let log = stack.masterLog()
            for action in ["upload", "reindex", "delete_document", "delete_edition"] {
                #expect(log.contains("admin=ci action=\(action)"), "\(action) logged")
            }
            #expect(log.contains("admin=- action=reindex"), "refused attempts are logged too")
            #expect(!log.contains(token))
            let access = (try? String(contentsOfFile: "\(stack.directory)/nginx/access.log", encoding: .utf8)) ?? ""
            #expect(!access.contains(token))
        }
    }
}
