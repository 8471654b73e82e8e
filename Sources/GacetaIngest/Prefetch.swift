import Dispatch
import GacetaCore

/// One file parsed on a background thread while the caller stores earlier ones.
final class Prefetch: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the background block before it signals; read after `wait`.
    private var result: Result<PreparedFile, IngestError>?
    /// Set when the file needed no parsing (unchanged, or failed before it): reported as is.
    let outcome: IngestPipeline.FileOutcome?

    init() {
        outcome = nil
    }

    init(finished: Result<PreparedFile, IngestError>, _ outcome: IngestPipeline.FileOutcome) {
        result = finished
        self.outcome = outcome
        done.signal()
    }

    func start(_ work: @escaping @Sendable () -> Result<PreparedFile, IngestError>) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    func wait() -> Result<PreparedFile, IngestError> {
        done.wait()
        return result ?? .failure(IngestError(path: "", message: "parsing did not finish"))
    }
}
