import CCurl

/// A small blocking HTTP client over libcurl: GET, or POST a body with headers; get the status and the body, or the
/// body in pieces as they arrive (server-sent events, downloads). Chat (the model) and fetch (the publisher) use it.
///
/// One curl handle per request (no state is shared, so values can be used from any thread). Proxies follow
/// curl's environment variables; redirects are not followed (a 3xx is returned as is), and only http and https
/// are allowed. Headers are never logged or put in errors: they may hold an API key.
public struct HTTPClient: Sendable {
    /// A finished exchange.
    public struct Response: Sendable {
        public var status: Int
        /// The body, unless it went to `onBody`.
        public var body: [UInt8]
    }

    /// The whole exchange, connecting and reading included.
    public var timeout: Duration
    /// Connecting only (at most `timeout`).
    public var connectTimeout: Duration = .seconds(5)
    /// Largest body kept in memory.
    public var maximumBodySize = 4 << 20
    public var userAgent = "gacetachat"
    /// Asked while the transfer runs (from curl's progress callback: at least once a second, and whenever bytes
    /// move); true ends the transfer with `.abandoned`. The chat gives up on a model when its own client left.
    public var isAbandoned: (@Sendable () -> Bool)?

    public init(
        timeout: Duration, connectTimeout: Duration = .seconds(5), maximumBodySize: Int = 4 << 20,
        userAgent: String = "gacetachat", isAbandoned: (@Sendable () -> Bool)? = nil
    ) {
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.maximumBodySize = maximumBodySize
        self.userAgent = userAgent
        self.isAbandoned = isAbandoned
    }

    /// Sends `body` to `url` with `headers` ("Name: value"). When `onBody` is given it receives the status and
    /// each piece of the body as it arrives (and returns false to stop the transfer); otherwise the body is
    /// collected into the response.
    public func post(
        url: String, headers: [String], body: [UInt8], onBody: ((Int, UnsafeRawBufferPointer) -> Bool)? = nil
    ) throws(HTTPClientError) -> Response {
        try perform(url: url, headers: headers, body: body, onBody: onBody)
    }

    /// GETs `url`; the body is collected (at most `maximumBodySize`, else `.bodyTooLarge`) or given to `onBody`.
    public func get(
        url: String, headers: [String] = [], onBody: ((Int, UnsafeRawBufferPointer) -> Bool)? = nil
    ) throws(HTTPClientError) -> Response {
        try perform(url: url, headers: headers, body: nil, onBody: onBody)
    }

    /// One exchange: a POST of `body`, or a GET when it is nil.
    private func perform(
        url: String, headers: [String], body: [UInt8]?, onBody: ((Int, UnsafeRawBufferPointer) -> Bool)?
    ) throws(HTTPClientError) -> Response {
        guard curlGlobalInit == CURLE_OK else {
            throw .setup(gaceta_libcurl_load_error().map { String(cString: $0) } ?? "curl_global_init failed")
        }
        guard let handle = curl_easy_init() else { throw .setup("curl_easy_init failed") }
        defer { curl_easy_cleanup(handle) }
        var headerList: UnsafeMutablePointer<curl_slist>?
        for header in headers + ["Expect:"] {
            headerList = curl_slist_append(headerList, header)
        }
        defer { curl_slist_free_all(headerList) }

        let transfer = Transfer(
            handle: handle, maximumBodySize: maximumBodySize, onBody: onBody, isAbandoned: isAbandoned)
        let context = Unmanaged.passRetained(transfer)
        defer { context.release() }
        let total = Self.milliseconds(timeout)
        var ok = true
        ok = ok && gaceta_curl_setopt_string(handle, CURLOPT_URL, url) == CURLE_OK
        ok = ok && gaceta_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK
        ok = ok && gaceta_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1) == CURLE_OK
        ok = ok && gaceta_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, total) == CURLE_OK
        ok =
            ok
            && gaceta_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(total, Self.milliseconds(connectTimeout)))
                == CURLE_OK
        ok = ok && gaceta_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0) == CURLE_OK
        if let body {
            ok = ok && gaceta_curl_setopt_long(handle, CURLOPT_POST, 1) == CURLE_OK
            ok = ok && gaceta_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count) == CURLE_OK
        } else {
            ok = ok && gaceta_curl_setopt_long(handle, CURLOPT_HTTPGET, 1) == CURLE_OK
        }
        ok = ok && gaceta_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headerList) == CURLE_OK
        // curl's own words for a failure, with the detail (host, port) its code alone lacks.
        var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        ok = ok && gaceta_curl_setopt_string(handle, CURLOPT_USERAGENT, userAgent) == CURLE_OK
        ok = ok && gaceta_curl_setopt_write_function(handle, receiveBody) == CURLE_OK
        ok = ok && gaceta_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context.toOpaque()) == CURLE_OK
        if isAbandoned != nil {
            ok = ok && gaceta_curl_setopt_xferinfo_function(handle, checkProgress) == CURLE_OK
            ok = ok && gaceta_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context.toOpaque()) == CURLE_OK
            ok = ok && gaceta_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0) == CURLE_OK
        }
        guard ok else { throw .setup("curl option rejected") }

        let code = (body ?? []).withUnsafeBytes { bytes in
            errorText.withUnsafeMutableBufferPointer { text in
                _ = gaceta_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, text.baseAddress)
                if body != nil {
                    _ = gaceta_curl_setopt_pointer(
                        handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                }
                return curl_easy_perform(handle)
            }
        }
        if let failure = transfer.failure { throw failure }
        switch code {
        case CURLE_OK: break
        case CURLE_OPERATION_TIMEDOUT: throw .timedOut(timeout)
        default:
            let text = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .connection(text.isEmpty ? "curl error \(code.rawValue)" : text)
        }
        return Response(status: transfer.responseStatus(), body: transfer.body)
    }

    public static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000), 1)
    }
}

/// Why a request got no HTTP response.
public enum HTTPClientError: Error, Equatable, CustomStringConvertible {
    case setup(String)
    case timedOut(Duration)
    /// curl's message ("Couldn't connect to server").
    case connection(String)
    case bodyTooLarge(Int)
    /// The body consumer stopped the transfer.
    case stopped
    /// `isAbandoned` said so: nobody wants the answer any more.
    case abandoned

    public var description: String {
        switch self {
        case .setup(let message): message
        case .timedOut(let timeout): "timeout after \(Self.format(timeout))"
        case .connection(let message): "connection failed: \(message)"
        case .bodyTooLarge(let limit): "response larger than \(limit) bytes"
        case .stopped: "transfer stopped"
        case .abandoned: "transfer abandoned"
        }
    }

    /// "5s", "1.5s", "300 ms".
    public static func format(_ duration: Duration) -> String {
        let milliseconds = HTTPClient.milliseconds(duration)
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        return "\(milliseconds / 1000).\(milliseconds % 1000 / 100)s"
    }
}

/// `curl_global_init` runs once per process, on first use (globals are initialised lazily and thread-safely).
private let curlGlobalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

/// The state of one transfer that the C write callback reaches through `CURLOPT_WRITEDATA`.
private final class Transfer {
    let handle: UnsafeMutableRawPointer
    let maximumBodySize: Int
    let onBody: ((Int, UnsafeRawBufferPointer) -> Bool)?
    let isAbandoned: (@Sendable () -> Bool)?
    var body: [UInt8] = []
    var failure: HTTPClientError?
    private var status = 0

    init(
        handle: UnsafeMutableRawPointer, maximumBodySize: Int, onBody: ((Int, UnsafeRawBufferPointer) -> Bool)?,
        isAbandoned: (@Sendable () -> Bool)?
    ) {
        self.handle = handle
        self.maximumBodySize = maximumBodySize
        self.onBody = onBody
        self.isAbandoned = isAbandoned
    }

    /// Whether to go on; false (and `.abandoned`) once `isAbandoned` says so.
    func proceed() -> Bool {
        guard isAbandoned?() == true else { return true }
        failure = .abandoned
        return false
    }

    func responseStatus() -> Int {
        if status == 0 {
            var code = 0
            if gaceta_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK { status = code }
        }
        return status
    }

    /// Takes one piece of the body; false stops the transfer.
    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if let onBody {
            guard onBody(responseStatus(), bytes) else {
                failure = .stopped
                return false
            }
            return true
        }
        guard body.count + bytes.count <= maximumBodySize else {
            failure = .bodyTooLarge(maximumBodySize)
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }
}

/// libcurl's write callback: hands the bytes to the `Transfer` in `context`; returning less than given aborts.
private let receiveBody: gaceta_curl_write_callback = { data, size, count, context in
    guard let context else { return 0 }
    let length = size * count
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receive(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

/// libcurl's progress callback: non-zero aborts the transfer (`CURLE_ABORTED_BY_CALLBACK`).
private let checkProgress: gaceta_curl_xferinfo_callback = { context, _, _, _, _ in
    guard let context else { return 0 }
    return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().proceed() ? 0 : 1
}
