import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// `gacetachat ingest` of a folder laid out like the publisher's site: editions dated by their masthead, an
    /// Alcance beside its edition, and a holiday placeholder that is reported but fails nothing.
    @Suite struct GazetteFolderIngestTests {
        @Test func publisherTreeWithAlcanceAndHoliday() throws {
            let directory = try Paths.temporaryDirectory("pub")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let day = "\(directory)/pub/2024/07/15"
            let holiday = "\(directory)/pub/2024/07/25"
            try FileManager.default.createDirectory(atPath: day, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: holiday, withIntermediateDirectories: true)
            try GazettePDF.write(
                to: "\(day)/COMP_15_07_2024.pdf", number: 129, date: "15 de julio del 2024", firstPrinted: 1,
                pages: ["El Poder Ejecutivo fija el precio del calzado escolar.", "Segunda página del decreto."])
            try GazettePDF.typeset(
                ".LP\n.ce 2\nALCANCE Nº 78 A LA GACETA Nº 129\nLunes 15 de julio del 2024\n.PP\nSe publica el reglamento"
                    + " de ferias del agricultor.\n.bp\n.PP\nArtículo 2. Rige desde su publicación.",
                to: "\(day)/ALCA78_15_07_2024.pdf")
            try GazettePDF.typeset(
                ".LP\n.ce 3\nLa Gaceta\nDiario Oficial\nJueves 25 de julio del 2024",
                to: "\(holiday)/COMP_25_07_2024.pdf")
            // A congressional gazette whose file name has no date: its masthead dates it.
            try GazettePDF.typeset(
                ".LP\n.ce 3\nG a c e t a   d e l   C o n g r e s o\nAÑO XXXV - Nº 1346\n"
                    + "Bogotá, D. C., lunes, 21 de septiembre de 2026\n.PP\nPonencia sobre el fondo de reparación histórica.",
                to: "\(directory)/pub/gaceta-congreso.pdf")

            let result = try Shell.run(
                try Paths.binary(), ["ingest", "\(directory)/pub"],
                environment: Paths.testingEnvironment(directory: directory))

            #expect(result.status == 0, "\(result.output)")
            #expect(
                result.stderr.contains("no edition: \(holiday)/COMP_25_07_2024.pdf (placeholder)"), "\(result.stderr)")
            #expect(result.stderr.contains("ingested 3 new"), "\(result.stderr)")
            #expect(result.stderr.contains("1 without an edition"), "\(result.stderr)")
            let search = try Shell.run(
                try Paths.binary(), ["search", "reparación histórica", "--json"],
                environment: Paths.testingEnvironment(directory: directory))
            #expect(search.stdout.contains("2026-09-21"), "\(search.stdout)")
            let alcance = try Shell.run(
                try Paths.binary(), ["search", "ferias del agricultor", "--json"],
                environment: Paths.testingEnvironment(directory: directory))
            #expect(alcance.stdout.contains("Alcance Nº 78 a La Gaceta Nº 129"), "\(alcance.stdout)")
        }
    }
}
