import Foundation

/// Writes real multi-page PDFs shaped like La Gaceta (running header with the edition line and the
/// printed page number; ms prints no header on page 1, so the masthead repeats the edition line there)
/// with groff, for ingestion tests.
public enum GazettePDF {
    /// `pages[i]` is the text of PDF page i+1; the first printed page number is `firstPrinted`.
    public static func write(
        to path: String, number: Int, date: String, weekday: String = "Lunes", firstPrinted: Int, pages: [String]
    ) throws {
        let source = """
            .pn \(firstPrinted)
            .ds LH La Gaceta Nº \(number) \\(em \(weekday) \(date)
            .ds CH
            .ds RH Pág %
            .LP
            La Gaceta Nº \(number) \\(em \(weekday) \(date)
            .LP
            \(pages.joined(separator: "\n.bp\n.LP\n"))
            """
        try typeset(source, to: path)
    }

    /// Typesets `ms` source into the PDF `path` with groff (`-k -Tpdf -ms`, UTF-8 whatever the locale).
    public static func typeset(_ ms: String, to path: String) throws {
        let source = path + ".ms"
        try (".\\\" -*- coding: utf-8 -*-\n" + ms).write(toFile: source, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: source) }
        let result = try Shell.run("groff", ["-k", "-Tpdf", "-ms", source])
        guard result.status == 0 else { throw TestSupportError("groff failed: \(result.stderr)") }
        try result.stdoutData.write(to: URL(fileURLWithPath: path))
    }
}
