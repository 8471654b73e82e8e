@preconcurrency import CFastCGI
import CLinux
import GacetaCore
import GacetaScoreboard
import GacetaSystem
import Glibc
import Logging

/// The accept loop of one worker process: FastCGI in, `Request` → handler → `Response` out, one at a time.
///
/// The listening socket is on fd 0 (the FastCGI convention that spawn-fcgi also uses). It is made
/// non-blocking and watched with `epoll` (`EPOLLEXCLUSIVE`, so one connection wakes one idle worker);
/// a worker that loses the race to `accept` simply waits again.
public struct FastCGIWorker {
    public static let listenDescriptor = WorkerContract.listenDescriptor

    private let maxBodySize: Int
    private let maxRequests: Int?
    private let maxMemory: Int?
    private let logger: Logger
    private let handler: (Request) -> Response
    /// Called between requests after USR1.
    public var onReopenLogs: () -> Void = {}
    /// This worker's row in the master's scoreboard, when it has one.
    public var slot: ScoreboardSlot?
    /// Write one `AccessLog` line per request (off when `log.level` is above info).
    public var logRequests = true
    /// A larger body limit for the paths under a prefix (the admin API's uploads).
    public var uploadLimit: (pathPrefix: String, size: Int)?
    /// What the status page shows for a request target: a route's pattern where the path holds a secret (a
    /// conversation id), else the target itself.
    public var statusURI: (String) -> String = { $0 }
    /// Told, while a request is answered, how to see that nginx closed its connection (its client left).
    public var clientWatch: ClientWatch?

    /// Why ``run()`` returned.
    public enum Stop: Sendable, Equatable {
        /// QUIT (or TERM between requests).
        case signal
        /// `maxRequests` served.
        case maxRequests
        /// Resident memory passed `maxMemory` after a request.
        case memoryLimit(bytes: Int)
    }

    /// `maxRequests`: serve this many requests, then return so the master starts a fresh worker. `maxMemory`:
    /// return after the request that leaves the process with more resident memory than this.
    public init(
        maxBodySize: Int, maxRequests: Int? = nil, maxMemory: Int? = nil, logger: Logger,
        handler: @escaping (Request) -> Response
    ) {
        self.maxBodySize = maxBodySize
        self.maxRequests = maxRequests
        self.maxMemory = maxMemory
        self.logger = logger
        self.handler = handler
    }

    /// Checks that fd 0 is a listening socket, with an error that says how to run a worker.
    public static func checkListenDescriptor() throws(FastCGIError) {
        var type: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        var listening: Int32 = 0
        var listeningLength = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(listenDescriptor, SOL_SOCKET, SO_TYPE, &type, &length) == 0,
            getsockopt(listenDescriptor, SOL_SOCKET, SO_ACCEPTCONN, &listening, &listeningLength) == 0,
            listening != 0
        else {
            throw FastCGIError(
                "fd 0 is not a listening socket: a worker is started by 'gacetachat serve' or by spawn-fcgi, "
                    + "which pass the FastCGI socket on fd 0")
        }
    }

    /// Serves requests until a graceful stop (QUIT) is requested, `maxRequests` are served or the memory
    /// ceiling is passed.
    public func run() throws(FastCGIError) -> Stop {
        guard FCGX_Init() == 0 else { throw FastCGIError("FCGX_Init failed") }
        WorkerSignals.install()
        let flags = fcntl(Self.listenDescriptor, F_GETFL)
        guard flags >= 0, fcntl(Self.listenDescriptor, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw FastCGIError("\(SystemError.last("fcntl(O_NONBLOCK)", "fd 0"))")
        }
        let poller = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard poller >= 0 else { throw FastCGIError("\(SystemError.last("epoll_create1"))") }
        defer { close(poller) }
        var interest = epoll_event()
        interest.events = EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue
        interest.data.fd = Self.listenDescriptor
        guard epoll_ctl(poller, EPOLL_CTL_ADD, Self.listenDescriptor, &interest) == 0 else {
            throw FastCGIError("\(SystemError.last("epoll_ctl", "fd 0"))")
        }

        var request = FCGX_Request()
        FCGX_InitRequest(&request, Self.listenDescriptor, 0)
        var served = 0
        slot?.becomeIdle()
        while !WorkerSignals.stopRequested {
            if let maxRequests, served >= maxRequests { return .maxRequests }
            var event = epoll_event()
            let ready: Int32?
            do {
                ready = try System.interruptible("epoll_pwait") {
                    epoll_pwait(poller, &event, 1, -1, &WorkerSignals.waitMask)
                }
            } catch {
                throw FastCGIError("\(error)")
            }
            if WorkerSignals.takeReopenRequest() { onReopenLogs() }
            if ready == nil { continue }
            let accepted = FCGX_Accept_r(&request)
            if accepted < 0 {
                let code = -accepted
                if SystemError.isTransientAccept(code) { continue }
                throw FastCGIError("\(SystemError(call: "FCGX_Accept_r", errno: code))")
            }
            let answered = serve(&request)
            FCGX_Finish_r(&request)
            served += 1
            let resident = ResidentMemory.current()
            slot?.memory = UInt64(resident)
            slot?.end(route: answered.route ?? "unmatched", status: answered.status, now: answered.finished)
            if let maxMemory, resident > maxMemory { return .memoryLimit(bytes: resident) }
        }
        return .signal
    }

    /// Answers one request; returns the status, route pattern and end time (monotonic µs) for the scoreboard.
    /// One clock reading at each end serves both the scoreboard and the request log.
    private func serve(_ request: inout FCGX_Request) -> (status: Int, route: String?, finished: Int64) {
        let started = Scoreboard.monotonicMicroseconds()
        // nginx closes the connection when its client leaves (fastcgi_ignore_client_abort off).
        clientWatch?.begin { [connection = request.ipcFd] in System.peerHungUp(connection) }
        defer { clientWatch?.end() }
        let parameters = Self.parameters(of: request)
        slot?.begin(
            method: parameters["REQUEST_METHOD"] ?? "", uri: statusURI(parameters["REQUEST_URI"] ?? ""), now: started)
        // nginx's $request_id ties its log to ours; it goes back to the client as X-Request-Id.
        let requestID = AccessLog.requestID(from: parameters["REQUEST_ID"])
        var response: Response
        var isHead = false
        do {
            var head = try CGIRequest.parse(parameters)
            head.request.requestID = requestID
            isHead = head.request.method == "HEAD"
            let length = head.contentLength ?? 0
            var limit = maxBodySize
            if let uploadLimit, head.request.path.hasPrefix(uploadLimit.pathPrefix) { limit = uploadLimit.size }
            if length > limit {
                Self.discardBody(of: &request)
                throw HTTPError.payloadTooLarge(length: length, limit: limit)
            }
            if length > 0 {
                head.request.body = Self.readBody(of: &request, length: length)
                guard head.request.body.count == length else {
                    throw HTTPError.badRequest(
                        "the body ended after \(head.request.body.count) of the \(length) bytes announced")
                }
            }
            response = handler(head.request)
        } catch let error as HTTPError {
            response = Response.error(error)
        } catch {
            logger.error("unexpected error while reading a request: \(error)")
            response = Response.error(HTTPError.internalError)
        }
        response.headers.add("X-Request-Id", requestID)
        write(response, omitBody: isHead, to: request.out)
        let finished = Scoreboard.monotonicMicroseconds()
        let answered = (response.status, response.route, finished)
        guard logRequests else { return answered }
        let path =
            response.pathIsSecret
            ? response.route ?? "-"
            : parameters["DOCUMENT_URI"].flatMap { $0.isEmpty ? nil : $0 }
                ?? String((parameters["REQUEST_URI"] ?? "").prefix { $0 != "?" })
        AccessLog.write(
            AccessLog.line(
                requestID: requestID, method: parameters["REQUEST_METHOD"] ?? "-", path: path, status: response.status,
                duration: .microseconds(finished - started), extra: response.logFields))
        return answered
    }

    private func write(_ response: Response, omitBody: Bool, to stream: UnsafeMutablePointer<FCGX_Stream>?) {
        var head = CGIResponse.head(of: response)
        head.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                _ = FCGX_PutStr(chars.baseAddress, Int32(chars.count), stream)
            }
        }
        if let produce = response.stream {
            _ = FCGX_FFlush(stream)
            guard !omitBody else { return }
            produce { piece in
                var piece = piece
                let written = piece.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { FCGX_PutStr($0.baseAddress, Int32($0.count), stream) }
                }
                return written >= 0 && FCGX_FFlush(stream) >= 0
            }
            return
        }
        guard !omitBody, !response.body.isEmpty else { return }
        response.body.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                _ = FCGX_PutStr(chars.baseAddress, Int32(chars.count), stream)
            }
        }
    }

    private static func parameters(of request: FCGX_Request) -> [String: String] {
        var result: [String: String] = [:]
        guard var cursor = request.envp else { return result }
        result.reserveCapacity(32)
        // Split at the first `=` byte, then decode each side (libfcgi gives `NAME=VALUE` C strings).
        while let entry = cursor.pointee {
            let pair = UnsafeRawBufferPointer(start: entry, count: strlen(entry)).bindMemory(to: UInt8.self)
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                result[String(decoding: UnsafeBufferPointer(rebasing: pair[..<equals]), as: UTF8.self)] = String(
                    decoding: UnsafeBufferPointer(rebasing: pair[(equals + 1)...]), as: UTF8.self)
            }
            cursor += 1
        }
        return result
    }

    private static func readBody(of request: inout FCGX_Request, length: Int) -> [UInt8] {
        var body = [UInt8](repeating: 0, count: length)
        var filled = 0
        body.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else { return }
                while filled < length {
                    let count = FCGX_GetStr(base + filled, Int32(min(length - filled, 1 << 20)), request.in)
                    if count <= 0 { break }
                    filled += Int(count)
                }
            }
        }
        body.removeLast(length - filled)
        return body
    }

    /// Reads and drops a body we refuse, so nginx is not cut off mid-send (which it would report as a 502).
    private static func discardBody(of request: inout FCGX_Request) {
        var scratch = [CChar](repeating: 0, count: 64 * 1024)
        var total = 0
        while total < 64 << 20 {
            let count = FCGX_GetStr(&scratch, Int32(scratch.count), request.in)
            if count <= 0 { return }
            total += Int(count)
        }
    }
}

/// A worker that cannot serve: fd 0 is wrong, libfcgi failed.
public struct FastCGIError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
