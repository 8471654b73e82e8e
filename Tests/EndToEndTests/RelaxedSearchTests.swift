import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// Buscar forgives questions: `gacetachat search --json` answers a question whose words are never together with
    /// passages holding some of them and `"relaxed": true`; `--no-relax` (what saved searches, feeds and alerts use)
    /// keeps it strict.
    @Suite struct RelaxedSearchTests {
        private func gacetachat(_ arguments: [String], _ directory: String) throws -> CommandResult {
            try Shell.run(try Paths.binary(), arguments, environment: Paths.testingEnvironment(directory: directory))
        }

        private func json(_ result: CommandResult) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }

        @Test func aQuestionTypedIntoSearchFindsPagesWithSomeOfItsWords() throws {
            let directory = try Paths.temporaryDirectory("relaxed")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let pdf = "\(directory)/gaceta-131.pdf"
            try GazettePDF.write(
                to: pdf, number: 131, date: "17 de julio del 2024", firstPrinted: 1,
                pages: EndToEnd.IngestAndSearchTests.pages)
            try gacetachat(["ingest", pdf], directory).expectSuccess("ingest")
            let question = "¿cuánto cuesta el calzado escolar en las farmacias?"
            let relaxed = try gacetachat(["search", question, "--json"], directory)
            #expect(relaxed.status == 0, "\(relaxed.output)")
            let body = try json(relaxed)
            #expect(body["relaxed"] as? Bool == true)
            let hits = try #require(body["hits"] as? [[String: Any]])
            #expect(hits.first?["page"] as? Int == 1, "the page about school shoes: \(hits)")

            let strict = try json(try gacetachat(["search", question, "--json", "--no-relax"], directory))
            #expect(strict["relaxed"] as? Bool == false)
            #expect(strict["total"] as? Int == 0)

            let found = try json(try gacetachat(["search", "calzado escolar", "--json"], directory))
            #expect(found["relaxed"] as? Bool == false)
            #expect(found["total"] as? Int == 1)
        }
    }
}
