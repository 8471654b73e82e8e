import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// A groff-made edition ingested by `gacetachat ingest` and read through nginx as its notices: the edition's
    /// table of contents, each notice's fields and permalink, pages inside the notice only, the edition's PDF, and
    /// chat citations that name the notice and the publication.
    @Suite struct NoticesAPITests {
        @Test func anEditionReadsAsItsNoticesThroughNginx() throws {
            let stack = try Stack(workers: 2)
            defer { stack.stop() }
            let edition = GeneratedEdition()
            let day = String(format: "%02d", edition.day)
            let pdf = "\(stack.directory)/COMP_\(day)_07_2024.pdf"
            try edition.write(to: pdf)
            // A congressional gazette: its masthead names another publication.
            let congress = "\(stack.directory)/gaceta-congreso.pdf"
            let source = """
                .LP
                .ce 3
                G a c e t a   d e l   C o n g r e s o
                AÑO XXXV - Nº 1346
                Bogotá, D. C., lunes, 21 de septiembre de 2026
                .PP
                La ponencia crea el fondo de reparación histórica de los pescadores artesanales.
                """
            try GazettePDF.typeset(source, to: congress)

            let ingest = try Shell.run(
                try Paths.binary(), ["ingest", "--date", "2024-01-02", pdf, congress],
                environment: stack.poolEnvironment)
            #expect(ingest.status == 0, "\(ingest.output)")
            let date = "2024-07-\(day)"
            let note = "the masthead's date \(date) wins over --date 2024-01-02"
            #expect(ingest.stderr.contains(note), "\(ingest.stderr)")
            #expect(ingest.stderr.contains("\(edition.notices.count + 1) notices"), "\(ingest.stderr)")
            try stack.start()

            let body = try stack.get("/api/v1/editions/\(date)").json()
            let stored = try #require((body["editions"] as? [[String: Any]])?.first)
            #expect(stored["publication"] as? String == "La Gaceta")
            #expect(stored["kind"] as? String == "regular")
            #expect(stored["number"] as? String == String(edition.number))
            let pages = try #require(stored["pages"] as? Int)
            let documents = try #require(stored["documents"] as? [[String: Any]])
            #expect(documents.first?["type"] as? String == "sumario")
            let titles: [String?] = documents.dropFirst().map { $0["title"] as? String }
            #expect(titles == edition.notices.map(\.title))
            let indexes: [Int?] = documents.map { $0["notice_index"] as? Int }
            #expect(indexes == Array(1...documents.count))
            let codes: [String?] = documents.dropFirst().map { $0["publication_code"] as? String }
            #expect(codes == edition.notices.map(\.code))

            for document in documents {
                let id = try #require(document["id"] as? Int)
                let first = try #require(document["first_page"] as? Int)
                let last = try #require(document["last_page"] as? Int)
                #expect(1 <= first && first <= last && last <= pages)
                let permalink = try #require(document["permalink"] as? String)
                let resolved = try stack.get(permalink)
                #expect(resolved.status == 200, "\(permalink): \(resolved.body)")
                #expect(try resolved.json()["id"] as? Int == id)
                #expect(try stack.get("/api/v1/documents/\(id)/pages/\(first)").status == 200)
                #expect(try stack.get("/api/v1/documents/\(id)/pages/\(last + 1)").status == 404)
                if first > 1 {
                    let before = try stack.get("/api/v1/documents/\(id)/pages/\(first - 1)")
                    #expect(before.status == 404)
                }
            }
            #expect(try stack.get("/api/v1/notices/IN0000000000").status == 404)
            #expect(try stack.get("/api/v1/notices/a%20b").status == 400)

            // A notice's PDF is the edition's file.
            let last = try #require(documents.last?["id"] as? Int)
            let file = try stack.get("/api/v1/documents/\(last)/pdf")
            #expect(file.status == 200)
            let size = try FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int
            #expect(file.headers["content-length"].flatMap(Int.init) == size)

            // Chat names the notice and the publication.
            let question = "¿Qué se publicó sobre el remate de la motocicleta azul?"
            let answer = try ask(stack, question)
            let citations = try #require(answer["citations"] as? [[String: Any]])
            let cited = try #require(citations.first)
            #expect(cited["document_title"] as? String == "EDICTO DE CONVOCATORIA A REMATE", "\(answer)")
            #expect(
                (cited["reference"] as? String)?.hasPrefix("La Gaceta Nº \(edition.number) del ") == true, "\(cited)")
            let other = try ask(stack, "¿Qué crea la ponencia para los pescadores artesanales?")
            let reference = try #require((other["citations"] as? [[String: Any]])?.first?["reference"] as? String)
            #expect(reference.hasPrefix("Gaceta del Congreso Nº 1346 del 21 de septiembre del 2026"), "\(reference)")
        }

        private func ask(_ stack: Stack, _ question: String) throws -> [String: Any] {
            let body = try JSONSerialization.data(withJSONObject: ["question": question])
            let json = String(decoding: body, as: UTF8.self)
            return try stack.get(
                "/api/v1/chat", ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", json]
            ).json()
        }
    }
}
