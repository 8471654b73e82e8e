import GacetaHTTP
import GacetaSystem
import Glibc
import Logging

/// Requests to the publisher: at most one per `interval`, with retries on a 5xx or a timeout (waiting `backoff`,
/// then twice as long each time).
public final class PublisherClient {
    /// How a request ended.
    public enum Outcome: Equatable {
        /// 200: the body (a listing), or nothing when it went to a file.
        case ok([UInt8])
        /// 404 or 410.
        case notFound
        /// Another status, after retries for a 5xx.
        case status(Int)
        /// No whole response in time, or none at all, after retries.
        case unreachable(String, timedOut: Bool)
        /// The body passed the size cap.
        case tooLarge
        /// The body did not start with `%PDF-`.
        case notPDF
    }

    public struct Policy: Sendable {
        public var interval: Duration
        public var retries: Int
        public var backoff: Duration
        public var timeout: Duration
        public var connectTimeout: Duration
        public var maxSize: Int
        public var userAgent: String

        public init(
            interval: Duration, retries: Int, backoff: Duration, timeout: Duration, connectTimeout: Duration,
            maxSize: Int, userAgent: String
        ) {
            self.interval = interval
            self.retries = retries
            self.backoff = backoff
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.maxSize = maxSize
            self.userAgent = userAgent
        }
    }

    public let policy: Policy
    private let logger: Logger
    private var lastRequest: Int64?
    /// Requests sent so far (retries included).
    public private(set) var requests = 0

    public init(policy: Policy, logger: Logger) {
        self.policy = policy
        self.logger = logger
    }

    /// GETs a small body (a listing: at most 4 MB).
    public func get(_ url: String) -> Outcome {
        withRetries(url) { () -> Outcome in
            let client = HTTPClient(
                timeout: policy.timeout, connectTimeout: policy.connectTimeout, maximumBodySize: 4 << 20,
                userAgent: policy.userAgent)
            do throws(HTTPClientError) {
                let response = try client.get(url: url)
                return response.status == 200 ? .ok(response.body) : Self.outcome(status: response.status)
            } catch {
                return Self.outcome(error)
            }
        }
    }

    /// GETs a PDF into `path`, atomically: on anything but a whole 200 response that starts with `%PDF-` and fits
    /// the size cap, no file is left at `path`.
    public func download(_ url: String, to path: String) -> Outcome {
        withRetries(url) { () -> Outcome in
            var result: Outcome = .ok([])
            let client = HTTPClient(
                timeout: policy.timeout, connectTimeout: policy.connectTimeout, maximumBodySize: policy.maxSize,
                userAgent: policy.userAgent)
            do {
                try AtomicFile.write(to: path, mode: 0o644) { fd in
                    var sink = PDFSink(fd: fd, path: path, maxSize: policy.maxSize)
                    do throws(HTTPClientError) {
                        let response = try client.get(url: url) { status, bytes in sink.take(status: status, bytes) }
                        result = response.status == 200 ? sink.outcome : Self.outcome(status: response.status)
                    } catch .stopped {
                        result = sink.outcome
                    } catch {
                        result = Self.outcome(error)
                    }
                    if result != .ok([]) { throw Abandoned() }
                }
            } catch is Abandoned {
            } catch {
                result = .unreachable("cannot write \(path): \(error)", timedOut: false)
            }
            return result
        }
    }

    private struct Abandoned: Error {}

    private func withRetries(_ url: String, _ attempt: () -> Outcome) -> Outcome {
        var wait = policy.backoff
        var tries = 0
        while true {
            pace()
            requests += 1
            let outcome = attempt()
            let retryable: Bool
            switch outcome {
            case .status(let code): retryable = code >= 500
            case .unreachable: retryable = true
            default: retryable = false
            }
            guard retryable, tries < policy.retries, !Interruption.requested else { return outcome }
            tries += 1
            logger.notice("retrying in \(HTTPClientError.format(wait)): \(url): \(Self.describe(outcome))")
            Self.sleep(wait)
            wait = wait * 2
        }
    }

    /// Waits until `interval` has passed since the last request.
    private func pace() {
        let now = MonotonicClock.microseconds()
        if let lastRequest {
            let due = lastRequest + Int64(HTTPClient.milliseconds(policy.interval)) * 1000
            if due > now { usleep(useconds_t(due - now)) }
        }
        lastRequest = MonotonicClock.microseconds()
    }

    static func sleep(_ duration: Duration) {
        var remaining = Int64(HTTPClient.milliseconds(duration)) * 1000
        while remaining > 0 {
            let step = min(remaining, 1_000_000)
            usleep(useconds_t(step))
            remaining -= step
        }
    }

    static func outcome(status: Int) -> Outcome {
        status == 404 || status == 410 ? .notFound : .status(status)
    }

    static func outcome(_ error: HTTPClientError) -> Outcome {
        switch error {
        case .timedOut: .unreachable(error.description, timedOut: true)
        case .bodyTooLarge: .tooLarge
        default: .unreachable(error.description, timedOut: false)
        }
    }

    static func describe(_ outcome: Outcome) -> String {
        switch outcome {
        case .ok: "200"
        case .notFound: "404"
        case .status(let code): "HTTP \(code)"
        case .unreachable(let message, _): message
        case .tooLarge: "larger than the size cap"
        case .notPDF: "not a PDF"
        }
    }
}

/// Writes a 200 body to a descriptor while checking its first bytes and its size.
private struct PDFSink {
    let fd: Int32
    let path: String
    let maxSize: Int
    var written = 0
    var head: [UInt8] = []
    var failure: PublisherClient.Outcome?

    /// How the body ended: a body shorter than `%PDF-` is not a PDF either.
    var outcome: PublisherClient.Outcome { failure ?? (head.count < 5 ? .notPDF : .ok([])) }

    init(fd: Int32, path: String, maxSize: Int) {
        self.fd = fd
        self.path = path
        self.maxSize = maxSize
    }

    /// False stops the transfer.
    mutating func take(status: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        if Interruption.requested {
            failure = .unreachable("interrupted", timedOut: false)
            return false
        }
        guard status == 200 else { return true }  // an error page: read and dropped
        written += bytes.count
        if written > maxSize {
            failure = .tooLarge
            return false
        }
        if head.count < 5 {
            head += bytes.prefix(5 - head.count)
            if !Array("%PDF-".utf8).starts(with: head) {
                failure = .notPDF
                return false
            }
        }
        do {
            try System.writeAll(fd, bytes, path)
        } catch {
            failure = .unreachable("cannot write \(path): \(error)", timedOut: false)
            return false
        }
        return true
    }
}
