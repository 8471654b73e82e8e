import Foundation
import Testing
import TestSupport

extension EndToEnd {
    /// `gacetachat backup` while the pool serves, `gacetachat restore` into an empty database, on both stores.
    @Suite struct BackupTests {
        static let queries = [
            "salario+m%C3%ADnimo", "medicamentos", "licitaci%C3%B3n", "%22precio+del+calzado%22",
            "aguinaldo+OR+salario",
        ]
        static let cliQueries = [
            "salario mínimo", "medicamentos", "licitación", "\"precio del calzado\"", "aguinaldo OR salario",
        ]

        @Test func sqliteBackupWhileServingRestoresTheSameSearchResults() throws {
            let scratch = try Paths.temporaryDirectory("backup")
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            try backUpServingAndRestore(
                databaseURL: nil, emptyURL: "sqlite:\(scratch)/restored.db", scratch: scratch)
        }

        @Test(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
        func postgresBackupWhileServingRestoresTheSameSearchResults() throws {
            let server = try #require(PostgresServer.shared)
            let scratch = try Paths.temporaryDirectory("backup")
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            try backUpServingAndRestore(
                databaseURL: try server.createDatabase(), emptyURL: try server.createDatabase(), scratch: scratch)
        }

        /// Ingests three editions, serves them under a load of searches and chats (which write conversations)
        /// while backups are taken, then restores the last backup into `emptyURL` and into the original database.
        private func backUpServingAndRestore(databaseURL: String?, emptyURL: String, scratch: String) throws {
            let stack = try Stack(
                workers: 2, environment: databaseURL.map { ["GACETACHAT_DATABASE_URL": $0] } ?? [:])
            defer { stack.stop() }
            let original = stack.poolEnvironment
            let binary = try Paths.binary()
            try writeEditions(into: "\(scratch)/pdfs")
            try Shell.run(binary, ["ingest", "\(scratch)/pdfs"], environment: original).expectSuccess("ingest")
            try stack.start()

            let backups = "\(scratch)/backups"
            let stop = LockedBox(false)
            let statuses = LockedBox<[Int]>([])
            let base = "https://127.0.0.1:\(stack.httpsPort)"
            let caPath = stack.caPath
            let loaders = (0..<3).map { index in
                Thread {
                    var round = 0
                    while !stop.value {
                        round += 1
                        let chat = [
                            "-X", "POST", "-H", "Content-Type: application/json", "--data-binary",
                            #"{"question":"¿Cuánto es el salario mínimo?"}"#, "\(base)/api/v1/chat",
                        ]
                        let search = ["\(base)/api/v1/search?q=\(Self.queries[round % Self.queries.count])"]
                        let result = try? Shell.run(
                            "curl",
                            ["-sS", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", caPath]
                                + (index == 0 && round % 3 == 0 ? chat : search))
                        statuses.mutate { $0.append(Int(result?.stdout ?? "") ?? 0) }
                    }
                }
            }
            loaders.forEach { $0.start() }
            try waitUntil("the load is running") { statuses.value.count >= 5 }
            var results: [CommandResult] = []
            for keep in [5, 5, 2] {
                results.append(
                    try Shell.run(
                        binary, ["backup", "--to", backups, "--set", "backup.keep=\(keep)"], environment: original))
            }
            try waitUntil("more requests after the backups") { statuses.value.count >= 10 }
            stop.value = true
            try waitUntil("the load stops") { loaders.allSatisfy(\.isFinished) }

            for result in results { #expect(result.status == 0, "\(result.output)") }
            let served = statuses.value
            #expect(
                !served.isEmpty && served.allSatisfy { $0 == 200 || $0 == 429 }, "statuses during backups: \(served)")
            #expect(served.filter { $0 == 200 }.count >= 10)
            let archives = try FileManager.default.contentsOfDirectory(atPath: backups).filter { !$0.hasPrefix(".") }
            #expect(archives.count == 2, "backup.keep = 2 leaves two archives: \(archives)")
            let latest = "\(backups)/\(try #require(archives.sorted().last))"
            #expect(results.last?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == latest)
            let mode = try FileManager.default.attributesOfItem(atPath: latest)[.posixPermissions] as? Int
            #expect(mode == 0o600, "a backup holds conversations: only its owner reads it")

            let before = try searches(original)
            #expect(before.allSatisfy { $0.contains("\"total\"") } && before.contains { !$0.contains("\"total\":0") })

            let storedFiles = try files(in: stack.filesDirectory)
            #expect(storedFiles.count == 3, "the three stored PDFs: \(storedFiles.keys)")

            // Into an empty database and an empty files directory.
            var empty = original
            empty["GACETACHAT_DATABASE_URL"] = emptyURL
            empty["GACETACHAT_STORAGE_FILES_DIR"] = "\(scratch)/restored-files"
            let restored = try Shell.run(binary, ["restore", latest], environment: empty)
            #expect(restored.status == 0, "\(restored.output)")
            #expect(restored.stdout.contains("3 editions"), "\(restored.stdout)")
            #expect(try searches(empty) == before)
            #expect(try files(in: "\(scratch)/restored-files") == storedFiles)

            // Over a database that holds data: refused without --force, replaced with it.
            let refused = try Shell.run(binary, ["restore", latest], environment: original)
            #expect(refused.status != 0)
            #expect(
                refused.stderr.contains("refusing to restore") && refused.stderr.contains("--force"),
                "\(refused.stderr)")
            let forced = try Shell.run(binary, ["restore", "--force", latest], environment: original)
            #expect(forced.status == 0, "\(forced.output)")
            #expect(try searches(original) == before)
            #expect(try files(in: stack.filesDirectory) == storedFiles)
        }

        /// Relative path → content of every file under `directory`.
        private func files(in directory: String) throws -> [String: Data] {
            var contents: [String: Data] = [:]
            for path in FileManager.default.subpaths(atPath: directory) ?? [] {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: "\(directory)/\(path)", isDirectory: &isDirectory),
                    !isDirectory.boolValue
                {
                    contents[path] = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(path)"))
                }
            }
            return contents
        }

        /// `gacetachat search --json` for each fixed query.
        private func searches(_ environment: [String: String]) throws -> [String] {
            try Self.cliQueries.map { query in
                let result = try Shell.run(try Paths.binary(), ["search", "--json", query], environment: environment)
                try result.expectSuccess("search \(query)")
                return result.stdout
            }
        }

        private func writeEditions(into folder: String) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try GazettePDF.write(
                to: "\(folder)/gaceta-140.pdf", number: 140, date: "1 de agosto del 2024", firstPrinted: 2,
                pages: [
                    "El Consejo Nacional de Salarios fija el salario mínimo de las trabajadoras domésticas.",
                    "Se publica la licitación pública para la compra de medicamentos genéricos.",
                ])
            try GazettePDF.write(
                to: "\(folder)/gaceta-141.pdf", number: 141, date: "2 de agosto del 2024", weekday: "Viernes",
                firstPrinted: 5,
                pages: ["El Ministerio de Economía regula el precio del calzado escolar.", "Aguinaldo y salario."])
            try GazettePDF.write(
                to: "\(folder)/gaceta-142.pdf", number: 142, date: "5 de agosto del 2024", firstPrinted: 1,
                pages: ["Reglamento de licitación para obras municipales y medicamentos de la CCSS."])
        }
    }
}
