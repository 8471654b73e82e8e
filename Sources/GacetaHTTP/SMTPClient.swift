import CCurl

/// Sends one message to one recipient over SMTP with libcurl (the same library, loaded the same way, as
/// `HTTPClient`), with STARTTLS as `mail.starttls` says and OpenSSL verifying the server's certificate.
/// Neither the password nor the addresses ever appear in its errors.
public struct SMTPClient: Sendable {
    public enum StartTLS: Sendable {
        case required, opportunistic, off
    }

    public var host: String
    public var port: Int
    public var startTLS: StartTLS
    public var user: String?
    public var password: String?
    public var timeout: Duration
    /// PEM CA file to verify the server with; nil: the system's bundle.
    public var caFile: String?

    public init(
        host: String, port: Int, startTLS: StartTLS, user: String? = nil, password: String? = nil,
        timeout: Duration = .seconds(30), caFile: String? = nil
    ) {
        self.caFile = caFile
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.user = user
        self.password = password
        self.timeout = timeout
    }

    /// Sends `message` (a whole RFC 5322 message, CRLF line ends) from `sender` to `recipient` (bare addresses,
    /// already validated).
    public func send(from sender: String, to recipient: String, message: [UInt8]) throws(HTTPClientError) {
        guard smtpGlobalInit == CURLE_OK else {
            throw .setup(gaceta_libcurl_load_error().map { String(cString: $0) } ?? "curl_global_init failed")
        }
        guard let handle = curl_easy_init() else { throw .setup("curl_easy_init failed") }
        defer { curl_easy_cleanup(handle) }
        let recipients = curl_slist_append(nil, "<\(recipient)>")
        defer { curl_slist_free_all(recipients) }
        let source = MessageSource(bytes: message)
        let context = Unmanaged.passRetained(source)
        defer { context.release() }
        let total = HTTPClient.milliseconds(timeout)
        let bracketedHost = host.contains(":") ? "[\(host)]" : host
        var ok = true
        ok = ok && gaceta_curl_setopt_string(handle, CURLOPT_URL, "smtp://\(bracketedHost):\(port)") == CURLE_OK
        ok = ok && gaceta_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp") == CURLE_OK
        ok = ok && gaceta_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1) == CURLE_OK
        ok = ok && gaceta_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, total) == CURLE_OK
        ok = ok && gaceta_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(total, 10_000)) == CURLE_OK
        let useSSL: curl_usessl =
            switch startTLS {
            case .required: CURLUSESSL_ALL
            case .opportunistic: CURLUSESSL_TRY
            case .off: CURLUSESSL_NONE
            }
        ok = ok && gaceta_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(useSSL.rawValue)) == CURLE_OK
        if let caFile { ok = ok && gaceta_curl_setopt_string(handle, CURLOPT_CAINFO, caFile) == CURLE_OK }
        if let user {
            ok = ok && gaceta_curl_setopt_string(handle, CURLOPT_USERNAME, user) == CURLE_OK
            ok = ok && gaceta_curl_setopt_string(handle, CURLOPT_PASSWORD, password ?? "") == CURLE_OK
        }
        ok = ok && gaceta_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(sender)>") == CURLE_OK
        ok = ok && gaceta_curl_setopt_pointer(handle, CURLOPT_MAIL_RCPT, recipients) == CURLE_OK
        ok = ok && gaceta_curl_setopt_long(handle, CURLOPT_UPLOAD, 1) == CURLE_OK
        ok = ok && gaceta_curl_setopt_read_function(handle, readMessage) == CURLE_OK
        ok = ok && gaceta_curl_setopt_pointer(handle, CURLOPT_READDATA, context.toOpaque()) == CURLE_OK
        guard ok else { throw .setup("curl option rejected") }
        var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code = errorText.withUnsafeMutableBufferPointer { text in
            _ = gaceta_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, text.baseAddress)
            return curl_easy_perform(handle)
        }
        switch code {
        case CURLE_OK: return
        case CURLE_OPERATION_TIMEDOUT: throw .timedOut(timeout)
        default:
            let text = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .connection(text.isEmpty ? "curl error \(code.rawValue)" : text)
        }
    }
}

/// `curl_global_init` once per process, as `HTTPClient` does (calling it twice is harmless).
private let smtpGlobalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

/// The message being uploaded, read by libcurl in pieces.
private final class MessageSource {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }
}

private let readMessage: gaceta_curl_read_callback = { buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    let source = Unmanaged<MessageSource>.fromOpaque(context).takeUnretainedValue()
    let length = min(size * count, source.bytes.count - source.offset)
    guard length > 0 else { return 0 }
    source.bytes.withUnsafeBufferPointer { bytes in
        guard let base = bytes.baseAddress else { return }
        UnsafeMutableRawPointer(buffer).copyMemory(from: base + source.offset, byteCount: length)
    }
    source.offset += length
    return length
}
