import GacetaIngest
import Glibc

/// A progress bar on a terminal (files, pages, rate, ETA); one plain line per file otherwise.
struct IngestProgress {
    let total: Int
    let interactive: Bool
    private var done = 0
    private let started = ContinuousClock.now

    init(total: Int, interactive: Bool) {
        self.total = total
        self.interactive = interactive
    }

    private var elapsed: Double {
        let duration = ContinuousClock.now - started
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    mutating func advance(file: String, outcome: IngestPipeline.FileOutcome, summary: IngestPipeline.Summary) {
        done += 1
        let rate = Double(summary.pages) / max(elapsed, 0.001)
        if case .failed(let message) = outcome {
            printError("\(interactive ? "\r\u{1B}[K" : "")failed: \(file): \(message)")
        } else if case .noEdition = outcome {
            printError("\(interactive ? "\r\u{1B}[K" : "")no edition: \(file) (placeholder)")
        } else if !interactive {
            printError("[\(done)/\(total)] \(Self.describe(outcome)) \(file)")
        }
        if case .stored(let stored) = outcome {
            for note in stored.notes { printError("\(interactive ? "\r\u{1B}[K" : "")note: \(file): \(note)") }
        }
        guard interactive else { return }
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let remaining = done == 0 ? 0 : elapsed / Double(done) * Double(total - done)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line =
            "\r[\(bar)] \(done)/\(total) files, \(summary.pages) pages, \(Int(rate)) pages/s, ETA \(Self.clock(remaining))"
        _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    }

    func finish(_ summary: IngestPipeline.Summary) {
        if interactive { printError("") }
        printError(
            "ingested \(summary.inserted) new, \(summary.replaced) replaced, \(summary.unchanged) unchanged, "
                + "\(summary.failed) failed\(summary.noEdition > 0 ? ", \(summary.noEdition) without an edition" : "");"
                + " \(summary.pages) pages\(summary.notices > 0 ? ", \(summary.notices) notices" : "")"
                + (summary.ocrPages > 0 ? ", \(summary.ocrPages) read by OCR" : "")
                + (summary.pagesWithoutText > 0 ? ", \(summary.pagesWithoutText) without text" : "")
                + " in \(Self.clock(elapsed))")
    }

    private static func describe(_ outcome: IngestPipeline.FileOutcome) -> String {
        switch outcome {
        case .stored(let file) where file.change == .unchanged: "unchanged"
        case .stored(let file):
            "\(file.change == .inserted ? "stored" : "replaced") (\(file.pages) pages"
                + (file.isEdition ? ", \(file.documents.count) notices)" : ")")
        case .unchanged: "unchanged"
        case .failed: "failed"
        case .noEdition: "no edition"
        }
    }

    private static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return "\(whole / 60):" + (whole % 60 < 10 ? "0" : "") + "\(whole % 60)"
    }
}
