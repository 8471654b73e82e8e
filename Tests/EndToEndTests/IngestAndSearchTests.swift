import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// `gacetachat ingest` on real PDFs (made by groff) and Markdown, then search from the shell and
    /// through nginx over HTTPS.
    @Suite struct IngestAndSearchTests {
        static let pages = [
            "El Poder Ejecutivo fija el precio del calzado escolar para el curso lectivo.",
            "Se aumenta el salario mínimo de las personas trabajadoras domésticas en un cuatro por ciento.",
            "La Caja Costarricense de Seguro Social (CCSS) abre la licitación pública para comprar medicamentos.",
        ]

        private func environment(_ directory: String) -> [String: String] {
            Paths.testingEnvironment(directory: directory)
        }

        private func gacetachat(_ arguments: [String], _ directory: String) throws -> CommandResult {
            try Shell.run(try Paths.binary(), arguments, environment: environment(directory))
        }

        @Test func reindexRebuildsTheIndexFromTheCommandLineAndSearchesAnswerTheSame() throws {
            let directory = try Paths.temporaryDirectory("reindex")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let pdf = "\(directory)/gaceta-130.pdf"
            try GazettePDF.write(
                to: pdf, number: 130, date: "16 de julio del 2024", firstPrinted: 1, pages: Self.pages)
            try gacetachat(["ingest", pdf], directory).expectSuccess("ingest")
            let before = try gacetachat(["search", "calzado OR licitación", "--json"], directory)
            let reindex = try gacetachat(["reindex"], directory)
            #expect(reindex.status == 0, "\(reindex.output)")
            let count = reindex.stdout.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            #expect(reindex.stdout.hasPrefix("reindexed ") && (count ?? 0) >= Self.pages.count, "\(reindex.stdout)")
            let after = try gacetachat(["search", "calzado OR licitación", "--json"], directory)
            #expect(after.stdout == before.stdout && before.stdout.contains("\"total\":2"), "\(before.stdout)")
        }

        @Test func aHitReportsTheEditionAndThePageThatHoldsTheText() throws {
            let directory = try Paths.temporaryDirectory("ingest")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let pdf = "\(directory)/gaceta-129.pdf"
            try GazettePDF.write(
                to: pdf, number: 129, date: "15 de julio del 2024", firstPrinted: 12, pages: Self.pages)

            let first = try gacetachat(["ingest", pdf], directory)
            #expect(first.status == 0, "\(first.output)")
            #expect(first.stderr.contains("1 new"))
            let again = try gacetachat(["ingest", pdf], directory)
            #expect(again.stderr.contains("1 unchanged"), "\(again.stderr)")

            let search = try gacetachat(["search", "salarios minimos domesticas", "--json"], directory)
            #expect(search.status == 0, "\(search.output)")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
            #expect(body["total"] as? Int == 1)
            let hit = try #require((body["hits"] as? [[String: Any]])?.first)
            #expect(hit["page"] as? Int == 2)
            #expect(hit["printed_page"] as? String == "13")
            #expect(hit["edition_date"] as? String == "2024-07-15")
            #expect(hit["edition_number"] as? String == "129")
            #expect((hit["snippet"] as? String)?.contains("<mark>salario</mark>") == true)

            let tender = try gacetachat(["search", "licitaciones de la CCSS", "--json"], directory)
            #expect(tender.stdout.contains("\"page\":3"), "\(tender.output)")
        }

        /// `gacetachat ask` lists each citation as a reader pastes it: the edition, its printed page and the PDF's,
        /// for a gazette; the code's own title for a code (never «La Gaceta» for what La Gaceta did not print).
        @Test func askListsCitationsAsTheyArePasted() throws {
            let directory = try Paths.temporaryDirectory("ask-citations")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let gazette = "\(directory)/gaceta-129.pdf"
            try GazettePDF.write(
                to: gazette, number: 129, date: "15 de julio del 2024", firstPrinted: 12, pages: Self.pages)
            let code = "\(directory)/codigo_trabajo_v3.pdf"
            try GazettePDF.typeset(
                """
                .ds CH
                .LP
                CÓDIGO DE TRABAJO
                .LP
                Artículo 136.—La jornada ordinaria de trabajo efectivo no podrá ser mayor de ocho horas en el día.
                """, to: code)
            let ingest = try gacetachat(["ingest", gazette, code, "--date", "2024-01-01"], directory)
            #expect(ingest.status == 0, "\(ingest.output)")

            let wage = try gacetachat(
                ["ask", "¿Cuánto aumenta el salario mínimo de las trabajadoras domésticas?"], directory)
            #expect(wage.status == 0, "\(wage.output)")
            #expect(
                wage.stdout.contains("[1] La Gaceta Nº 129 del 15 de julio del 2024, página 13 (página 2 del PDF)"),
                "\(wage.stdout)")
            let hours = try gacetachat(["ask", "¿Cuántas horas dura la jornada ordinaria de trabajo?"], directory)
            #expect(hours.status == 0, "\(hours.output)")
            #expect(hours.stdout.contains("[1] CÓDIGO DE TRABAJO, página 1\n"), "\(hours.stdout)")
            #expect(!hours.stdout.contains("La Gaceta,"), "\(hours.stdout)")
        }

        @Test func aChangedFileReplacesItsOldVersionAndBadFilesAreReportedNotFatal() throws {
            let directory = try Paths.temporaryDirectory("ingest")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let folder = "\(directory)/in"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let pdf = "\(folder)/gaceta-130.pdf"
            try GazettePDF.write(to: pdf, number: 130, date: "16 de julio del 2024", firstPrinted: 1, pages: Self.pages)
            try "%PDF-1.4 this is not really a PDF".write(
                toFile: "\(folder)/roto.pdf", atomically: true, encoding: .utf8)

            let first = try gacetachat(["ingest", folder], directory)
            #expect(first.status == 1, "a failed file makes the exit code say so")
            #expect(first.stderr.contains("roto.pdf"))
            #expect(first.stderr.contains("1 new"))

            try GazettePDF.write(
                to: pdf, number: 130, date: "16 de julio del 2024", firstPrinted: 1,
                pages: ["Fe de erratas: el aguinaldo se paga en diciembre."])
            let second = try gacetachat(["ingest", pdf], directory)
            #expect(second.stderr.contains("1 replaced"), "\(second.stderr)")
            #expect(try gacetachat(["search", "calzado"], directory).stdout.hasPrefix("0 results"))
            #expect(try gacetachat(["search", "aguinaldo"], directory).stdout.hasPrefix("1 results"))
        }

        @Test func killingIngestMidwayLeavesNoHalfDocumentAndARerunFinishes() throws {
            let directory = try Paths.temporaryDirectory("ingest")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let folder = "\(directory)/in"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let body = String(repeating: "Texto del acuerdo municipal sobre patentes comerciales. ", count: 400)
            for index in 0..<60 {
                let page = (1...4).map { "Página \($0) del documento \(index). \(body)" }.joined(
                    separator: "\n\n## Página 9\n\n")
                try """
                ---
                title: Acuerdo \(index)
                publication_date: '2024-08-01'
                ---
                \(page)
                """.write(toFile: "\(folder)/acuerdo-\(index).md", atomically: true, encoding: .utf8)
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try Paths.binary())
            process.arguments = ["ingest", folder]
            process.environment = environment(directory)
            let log = Pipe()
            process.standardError = log
            try process.run()
            // Kill it as soon as a few documents are in.
            var seen = Data()
            while process.isRunning {
                seen += log.fileHandleForReading.availableData
                if String(decoding: seen, as: UTF8.self).components(separatedBy: "stored").count > 5 { break }
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let check = try Shell.run(
                "sqlite3",
                [
                    "\(directory)/test.db",
                    "SELECT count(*), sum(page_count = (SELECT count(*) FROM pages p WHERE p.document_id = d.id)) FROM documents d;",
                ])
            let counts = check.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|")
            #expect(counts.count == 2 && counts[0] == counts[1], "every stored document is whole: \(check.output)")
            #expect(Int(counts.first ?? "") ?? 0 < 60, "the kill happened midway")

            let rerun = try gacetachat(["ingest", folder], directory)
            #expect(rerun.status == 0, "\(rerun.output)")
            #expect(try gacetachat(["search", "patentes", "--per-page", "1"], directory).stdout.contains("results"))
            let final = try Shell.run("sqlite3", ["\(directory)/test.db", "SELECT count(*) FROM documents;"])
            #expect(final.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "60")
        }

        @Test func theAPIAnswersSearchEditionsDocumentsAndPagesThroughNginx() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            let pdf = "\(stack.directory)/gaceta-131.pdf"
            try GazettePDF.write(
                to: pdf, number: 131, date: "17 de julio del 2024", firstPrinted: 40, pages: Self.pages)
            let ingest = try Shell.run(try Paths.binary(), ["ingest", pdf], environment: stack.poolEnvironment)
            #expect(ingest.status == 0, "\(ingest.output)")
            try stack.start()

            let search = try stack.get("/api/v1/search?q=calzado+escolar&from=2024-07-01&to=2024-07-31")
            #expect(search.status == 200, "\(search.body)")
            let hits = try #require(try search.json()["hits"] as? [[String: Any]])
            #expect(hits.count == 1)
            #expect(hits.first?["printed_page"] as? String == "40")
            let url = try #require(hits.first?["url"] as? String)

            let page = try stack.get(url)
            #expect(page.status == 200)
            #expect((try page.json()["text"] as? String)?.contains("calzado escolar") == true)

            let editions = try stack.get("/api/v1/editions")
            #expect(editions.body.contains("\"number\":\"131\""))
            let day = try stack.get("/api/v1/editions/2024-07-17")
            #expect(day.status == 200)
            let documentID = try #require(hits.first?["document_id"] as? Int)
            let document = try stack.get("/api/v1/documents/\(documentID)")
            #expect(try document.json()["page_count"] as? Int == 3)

            for (path, status, code) in [
                ("/api/v1/search?q=%22sin+cerrar", 400, "invalid_query"),
                ("/api/v1/search", 400, "missing_query"),
                ("/api/v1/search?q=ley&per_page=500", 400, "invalid_parameter"),
                ("/api/v1/search?q=ley&from=2024-02-30", 400, "bad_request"),
                ("/api/v1/editions/2030-01-01", 404, "not_found"),
                ("/api/v1/documents/999999", 404, "not_found"),
                ("/api/v1/documents/abc", 400, "bad_request"),
                ("/api/v1/documents/\(documentID)/pages/9", 404, "not_found"),
            ] {
                let response = try stack.get(path)
                #expect(response.status == status, "\(path): \(response.body)")
                #expect(response.errorCode == code, "\(path): \(response.body)")
            }
            #expect(try stack.get("/api/v1/search?q=%22sin+cerrar").body.contains("quote"))
        }
    }
}
