import Foundation

/// A fresh temporary folder per test (tests run in parallel), removed by `cleanup()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/gaceta-ingest-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        let file = "\(path)/\(name)"
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func cleanup() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Typesets `ms` source with `groff -k -Tpdf -ms` into NAME.pdf and returns its path.
    func pdf(_ name: String, ms source: String) throws -> String {
        // The coding tag tells preconv the text is UTF-8 whatever the locale.
        let input = try write("\(name).ms", ".\\\" -*- coding: utf-8 -*-\n" + source)
        let output = "\(path)/\(name).pdf"
        try run("groff", ["-k", "-Tpdf", "-ms", input], stdout: output)
        return output
    }

    /// A PDF whose pages have no text at all.
    func blankPDF(_ name: String, pages: Int) throws -> String {
        let output = "\(path)/\(name).pdf"
        let showpages = Array(repeating: "showpage", count: pages)
        try run("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", "-o", output, "-c"] + showpages, stdout: nil)
        return output
    }

    private func run(_ tool: String, _ arguments: [String], stdout: String?) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        if let stdout {
            _ = FileManager.default.createFile(atPath: stdout, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        }
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let command = ([tool] + arguments).joined(separator: " ")
            throw ToolFailure(description: "\(command) exited with \(process.terminationStatus)")
        }
    }
}

struct ToolFailure: Error, CustomStringConvertible {
    let description: String
}
