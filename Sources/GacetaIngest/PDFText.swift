import GacetaSystem

/// Text extraction from PDFs with poppler's `pdftotext`.
public enum PDFText {
    /// The text of each page, via `pdftotext -enc UTF-8 PATH -` (reading-order mode), split on form feeds. Blank
    /// pages are kept as "" so indexes stay PDF page numbers. With `columns`, the text comes from `-layout` and
    /// `ColumnLayout` reads two-column pages column by column. pdftotext runs within `limits`, by default
    /// `limits(pages:)` for the page count `pdfinfo` reports.
    public static func pages(
        of path: String, columns: Bool = false, limits: ProcessRunner.Limits? = nil
    ) throws(IngestError) -> [String] {
        let pages = try pages(of: path, layout: columns, limits: limits)
        return columns ? readingOrder(pages) : pages
    }

    /// `pages(of:columns:limits:)` in two steps, so that a caller can read one file while it puts another in
    /// order: the pages as `pdftotext` gives them (with `-layout` when `layout`), and `readingOrder` of those.
    public static func pages(
        of path: String, layout: Bool, limits: ProcessRunner.Limits? = nil
    ) throws(IngestError) -> [String] {
        let output: ProcessRunner.Output
        let limits = limits ?? Self.limits(pages: pageCount(of: path) ?? 1)
        do throws(ProcessRunner.Failure) {
            output = try ProcessRunner.run(
                ["pdftotext", "-enc", "UTF-8"] + (layout ? ["-layout"] : []) + [path, "-"], limits: limits)
        } catch {
            switch error {
            case .notFound:
                throw IngestError(
                    path: path, message: "pdftotext not found on PATH (install it: apt-get install poppler-utils)")
            case .system(let message):
                throw IngestError(path: path, message: message)
            }
        }
        switch output.exceeded {
        case .time(let limit):
            throw IngestError(
                path: path, message: "pdftotext ran longer than \(limit.components.seconds) s (60 s plus 1 s a page)")
        case .output(let limit):
            throw IngestError(
                path: path,
                message: "pdftotext wrote more than \(limit) bytes of text (256 KB a page): is it a gazette?")
        case nil: break
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
        var pages = PlainText.pieces(text, separator: 0x0C).map(TextCleanup.clean)
        // pdftotext ends every page, the last one included, with a form feed.
        if pages.count > 1, pages.last == "" { pages.removeLast() }
        return pages
    }

    /// Pages of `pdftotext -layout` read column by column (`ColumnLayout`).
    public static func readingOrder(_ pages: [String]) -> [String] {
        pages.map { TextCleanup.clean(ColumnLayout.readingOrder($0)) }
    }

    /// Bounds for pdftotext on a PDF of `pages` pages (an uploaded file is untrusted input): 60 s plus 1 s a page,
    /// 256 KB of text a page, 1 GiB of address space.
    public static func limits(pages: Int) -> ProcessRunner.Limits {
        let pages = max(pages, 1)
        return ProcessRunner.Limits(time: .seconds(60 + pages), output: pages * 256 * 1024, addressSpace: 1 << 30)
    }

    /// The page count `pdfinfo` reports (within a minute, 64 KB of output and 1 GiB); nil when it cannot tell.
    static func pageCount(of path: String) -> Int? {
        let limits = ProcessRunner.Limits(time: .seconds(60), output: 64 * 1024, addressSpace: 1 << 30)
        guard let output = try? ProcessRunner.run(["pdfinfo", path], limits: limits), output.succeeded else {
            return nil
        }
        for line in SystemCall.decodeUTF8(output.stdout).split(separator: "\n") where line.hasPrefix("Pages:") {
            return Int(line.dropFirst(6).filter { $0 != " " && $0 != "\t" })
        }
        return nil
    }
}
