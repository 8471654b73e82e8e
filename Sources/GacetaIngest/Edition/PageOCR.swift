import GacetaSystem

/// Text for pages that have none (scans), read by tesseract (`tesseract-ocr`, `tesseract-ocr-spa`) from the page
/// rendered by poppler's `pdftoppm`. For the command line only: a worker never runs OCR (a page may take a minute).
public struct PageOCR: Sendable {
    /// Most seconds one page may take (rendering and recognition).
    public var timeoutSeconds: Int
    /// tesseract's language.
    public var language: String

    /// Where the helpers are looked up (`PATH` by default).
    public var searchPath: String

    public init(timeoutSeconds: Int = 60, language: String = "spa", searchPath: String? = nil) {
        self.timeoutSeconds = timeoutSeconds
        self.language = language
        self.searchPath = searchPath ?? Spawn.currentEnvironment()["PATH"] ?? "/usr/bin:/bin"
    }

    /// What OCR did to a document's pages.
    public struct Outcome: Sendable, Equatable {
        /// 1-based pages whose text now comes from OCR.
        public var ocrPages: [Int] = []
        /// 1-based pages still without text (no tesseract, a timeout, nothing recognised).
        public var pagesWithoutText: [Int] = []
        /// Why pages were left without text, once per reason.
        public var problems: [String] = []
    }

    /// True when `tesseract` is on the search path.
    public var isAvailable: Bool { locate("tesseract") != nil }

    /// The full path of `program` on the search path.
    func locate(_ program: String) -> String? {
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            if FileContents.isExecutable("\(directory)/\(program)") { return "\(directory)/\(program)" }
        }
        return nil
    }

    /// Fills the blank pages of `pages` (the text of each page of the PDF at `path`) with OCR text when
    /// `enabled` and tesseract is installed; otherwise lists them in `pagesWithoutText`.
    public func fill(_ pages: inout [String], pdf path: String, enabled: Bool) -> Outcome {
        var outcome = Outcome()
        let blank = pages.indices.filter { pages[$0].allSatisfy(\.isWhitespace) }
        guard !blank.isEmpty else { return outcome }
        guard enabled, isAvailable else {
            outcome.pagesWithoutText = blank.map { $0 + 1 }
            if enabled { outcome.problems.append("tesseract not found on PATH (apt-get install tesseract-ocr-spa)") }
            return outcome
        }
        for index in blank {
            switch text(ofPage: index + 1, pdf: path) {
            case .success(let text) where !text.allSatisfy(\.isWhitespace):
                pages[index] = text
                outcome.ocrPages.append(index + 1)
            case .success:
                outcome.pagesWithoutText.append(index + 1)
            case .failure(let problem):
                outcome.pagesWithoutText.append(index + 1)
                if !outcome.problems.contains(problem.message) { outcome.problems.append(problem.message) }
            }
        }
        return outcome
    }

    /// The OCR text of one page: `pdftoppm -r 300 -gray -singlefile` then `tesseract - stdout -l spa`, each
    /// under coreutils' `timeout`.
    public func text(ofPage page: Int, pdf path: String) -> Result<String, IngestError> {
        let directory: String
        do {
            directory = try Directory.makeTemporary(prefix: "gacetachat-ocr")
        } catch {
            return .failure(IngestError(path: path, message: "OCR: \(error)"))
        }
        let image = "\(directory)/page"
        defer { Directory.removeFlat(directory) }
        guard let timeout = locate("timeout"), let pdftoppm = locate("pdftoppm"), let tesseract = locate("tesseract")
        else {
            return .failure(IngestError(path: path, message: "OCR needs timeout, pdftoppm and tesseract on PATH"))
        }
        let limit = String(timeoutSeconds)
        let render = run(
            [
                timeout, limit, pdftoppm, "-r", "300", "-gray", "-png", "-singlefile", "-f", String(page), "-l",
                String(page), path, image,
            ], path: path, what: "pdftoppm (page \(page))")
        if case .failure(let error) = render { return .failure(error) }
        let recognise = run(
            [timeout, limit, tesseract, image + ".png", "stdout", "-l", language], path: path,
            what: "tesseract (page \(page))")
        return recognise.map { TextCleanup.clean(TextCleanup.unixNewlines(SystemCall.decodeUTF8($0))) }
    }

    private func run(_ arguments: [String], path: String, what: String) -> Result<[UInt8], IngestError> {
        do {
            let output = try ProcessRunner.run(arguments)
            if output.status == 124 {
                return .failure(IngestError(path: path, message: "OCR: \(what) took more than \(timeoutSeconds) s"))
            }
            guard output.succeeded else {
                let detail =
                    SystemCall.decodeUTF8(output.stderr).split(whereSeparator: \.isNewline).last.map {
                        ": \($0)"
                    } ?? ""
                return .failure(
                    IngestError(path: path, message: "OCR: \(what) exited with code \(output.status)\(detail)"))
            }
            return .success(output.stdout)
        } catch {
            return .failure(IngestError(path: path, message: "OCR: \(what): \(error)"))
        }
    }
}
