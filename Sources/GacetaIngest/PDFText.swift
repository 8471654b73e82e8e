import GacetaSystem

/// Text extraction from PDFs with poppler's `pdftotext`.
public enum PDFText {
    /// The text of each page, via `pdftotext -enc UTF-8 PATH -` (reading-order mode), split on form feeds. Blank
    /// pages are kept as "" so indexes stay PDF page numbers. With `columns`, the text comes from `-layout` and
    /// `ColumnLayout` reads two-column pages column by column.
    public static func pages(of path: String, columns: Bool = false) throws(IngestError) -> [String] {
        let output: ProcessRunner.Output
        do throws(ProcessRunner.Failure) {
            output = try ProcessRunner.run(
                ["pdftotext", "-enc", "UTF-8"] + (columns ? ["-layout"] : []) + [path, "-"])
        } catch {
            switch error {
            case .notFound:
                throw IngestError(
                    path: path, message: "pdftotext not found on PATH (install it: apt-get install poppler-utils)")
            case .system(let message):
                throw IngestError(path: path, message: message)
            }
        }
        guard output.succeeded else {
            var lines: [String] = []
            for line in SystemCall.decodeUTF8(output.stderr).split(whereSeparator: \.isNewline).map(String.init)
            where !lines.contains(line) {
                lines.append(line)
            }
            let reason = String(lines.joined(separator: "; ").prefix(400))
            let how = output.signal.map { "was killed by signal \($0)" } ?? "exited with code \(output.status)"
            let detail = reason.isEmpty ? "" : ": \(reason)"
            throw IngestError(path: path, message: "pdftotext \(how)\(detail) (is it a valid PDF?)")
        }
        let text = TextCleanup.unixNewlines(SystemCall.decodeUTF8(output.stdout))
        var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(TextCleanup.clean)
        // pdftotext ends every page, the last one included, with a form feed.
        if pages.count > 1, pages.last == "" { pages.removeLast() }
        return columns ? pages.map { TextCleanup.clean(ColumnLayout.readingOrder($0)) } : pages
    }
}
