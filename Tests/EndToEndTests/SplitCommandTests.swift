import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// `gacetachat split` over several files (the next one is read while this one is split): every file reported
    /// in the order given, a broken one named on standard error without hiding the others.
    @Suite struct SplitCommandTests {
        @Test func severalFilesAreReportedInOrderAndABrokenOneIsNamed() throws {
            let directory = try Paths.temporaryDirectory("split")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var editions: [GeneratedEdition] = []
            while editions.count < 3 {
                let edition = GeneratedEdition()
                if !editions.contains(where: { $0.number == edition.number }) { editions.append(edition) }
            }
            var paths: [String] = []
            for (position, edition) in editions.enumerated() {
                let path = "\(directory)/edition-\(position).pdf"
                try edition.write(to: path)
                paths.append(path)
            }
            let broken = "\(directory)/broken.pdf"
            try Data("%PDF-1.4\nnot a PDF at all\n".utf8).write(to: URL(fileURLWithPath: broken))
            let arguments = [paths[0], broken, paths[1], paths[2]]

            let result = try Shell.run(try Paths.binary(), ["split", "--json"] + arguments)
            #expect(result.status != 0)
            #expect(result.stderr.contains(broken), "\(result.stderr)")
            let outputs = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(outputs.map { $0["path"] as? String } == paths)
            let numbers = outputs.map { ($0["edition"] as? [String: Any])?["number"] as? String }
            #expect(numbers == editions.map { String($0.number) })
            for (output, edition) in zip(outputs, editions) {
                let notices = output["notices"] as? [[String: Any]] ?? []
                let titles = notices.dropFirst().map { $0["title"] as? String }
                #expect(titles == edition.notices.map(\.title))
            }

            let summary = try Shell.run(try Paths.binary(), ["split"] + arguments)
            #expect(summary.status != 0)
            let heads = summary.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
            #expect(heads.map { String($0.prefix(while: { $0 != ":" })) } == paths, "\(summary.stdout)")
        }
    }
}
