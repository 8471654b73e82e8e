import Foundation

/// A stub of an OpenAI-compatible server: a real HTTP/1.1 server on 127.0.0.1 (a free port) that checks each
/// request is `POST /v1/chat/completions` with a JSON body holding `model` and `messages`, records it, and
/// answers the way the test chose. Requests that break the protocol get a 400 with a message saying why.
public final class OpenAIStubServer: @unchecked Sendable {
    /// How the stub answers.
    public enum Mode: Sendable {
        /// 200 with a whole `chat.completion` whose message content is the text.
        case answer(String)
        /// 200 `text/event-stream` (chunked): one `data:` event per delta, a final chunk with `finish_reason`,
        /// then `data: [DONE]`; each event is written (and flushed) separately.
        case stream([String])
        /// 200 `application/json` whose body is not valid JSON.
        case malformedJSON
        /// The status with an OpenAI-style error body.
        case status(Int)
        /// Reads the request and never answers (until the client leaves or the stub stops).
        case silent
        /// Like `.stream`, but `count` deltas of `delta`, one every `interval`: a model that takes long to answer.
        /// `streamEndings` records how each such answer ended.
        case slowStream(delta: String, count: Int, interval: Duration)
        /// The text made from the request (e.g. from the passages it holds), as the request asks for it: streamed
        /// in deltas of 5 characters when its body says `"stream": true`, else a whole `chat.completion` (one stub
        /// for both forms of a chat request).
        case reply(@Sendable (Recorded) -> String)
    }

    /// How one streamed answer ended: every event written, or the client closed its connection first.
    public enum StreamEnding: Sendable, Equatable {
        case completed
        case clientClosed
    }

    /// One request as the stub received it.
    public struct Recorded: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]
        public var body: Data

        /// The body as JSON.
        public var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        }
    }

    /// The text in deltas of 5 characters, as `.reply` streams it.
    public static func deltas(_ text: String) -> [String] {
        stride(from: 0, to: text.count, by: 5).map { String(text.dropFirst($0).prefix(5)) }
    }

    public let port: UInt16
    /// `http://127.0.0.1:PORT/v1`.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    private let mode: Mode
    private let listener: Int32
    private let state = LockedBox<(requests: [Recorded], endings: [StreamEnding], stopped: Bool)>(([], [], false))
    private let finished = DispatchSemaphore(value: 0)
    /// The connections being answered (each on its own thread, so that answers overlap as a real server's do).
    private let connections = DispatchGroup()

    /// Starts listening at once; call `stop()` when done.
    public init(mode: Mode) throws {
        self.mode = mode
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        guard listener >= 0 else { throw TestSupportError("stub: socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound, listen(listener, 16) == 0 else {
            close(listener)
            throw TestSupportError("stub: cannot listen on 127.0.0.1")
        }
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in
            serve()
            finished.signal()
        }
        thread.start()
    }

    /// The requests received so far.
    public var requests: [Recorded] { state.value.requests }

    /// How each streamed answer ended, in the order they ended.
    public var streamEndings: [StreamEnding] { state.value.endings }

    /// Stops accepting, ends a silent answer, and waits for the server thread.
    public func stop() {
        let wasStopped = state.mutate { current in
            defer { current.stopped = true }
            return current.stopped
        }
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        finished.wait()
        connections.wait()
        close(listener)
    }

    deinit { stop() }

    private var isStopped: Bool { state.value.stopped }

    private func serve() {
        while !isStopped {
            guard waitReadable(listener, milliseconds: 50) else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            connections.enter()
            Thread { [self] in
                handle(client)
                close(client)
                connections.leave()
            }.start()
        }
    }

    private func waitReadable(_ fd: Int32, milliseconds: Int32) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, milliseconds) > 0
    }

    private func handle(_ client: Int32) {
        guard let request = read(client) else { return }
        state.mutate { $0.requests.append(request) }
        if let problem = protocolProblem(request) {
            respond(client, status: 400, type: "application/json", body: Self.error(problem))
            return
        }
        switch mode {
        case .answer(let text):
            respond(client, status: 200, type: "application/json", body: Self.completion(text))
        case .stream(let deltas):
            streamEvents(client, deltas: deltas, interval: .milliseconds(5))
        case .slowStream(let delta, let count, let interval):
            streamEvents(client, deltas: Array(repeating: delta, count: count), interval: interval)
        case .reply(let make):
            let text = make(request)
            if request.json?["stream"] as? Bool == true {
                streamEvents(client, deltas: Self.deltas(text), interval: .milliseconds(5))
            } else {
                respond(client, status: 200, type: "application/json", body: Self.completion(text))
            }
        case .malformedJSON:
            respond(client, status: 200, type: "application/json", body: #"{"choices": [{"message": {"content": "#)
        case .status(let status):
            respond(client, status: status, type: "application/json", body: Self.error("stub failure"))
        case .silent:
            // Hold the connection without answering until the client gives up or the stub stops.
            var byte: UInt8 = 0
            while !isStopped {
                if waitReadable(client, milliseconds: 20) && recv(client, &byte, 1, 0) <= 0 { return }
            }
        }
    }

    private func protocolProblem(_ request: Recorded) -> String? {
        guard request.method == "POST", request.path == "/v1/chat/completions" else {
            return "stub: expected POST /v1/chat/completions, got \(request.method) \(request.path)"
        }
        guard request.headers["content-type"]?.hasPrefix("application/json") == true else {
            return "stub: Content-Type must be application/json"
        }
        guard let json = request.json, json["model"] is String, let messages = json["messages"] as? [[String: Any]],
            !messages.isEmpty, messages.allSatisfy({ $0["role"] is String && $0["content"] is String })
        else { return "stub: the body must be JSON with model and messages [{role, content}]" }
        return nil
    }

    /// Reads one request: head up to CRLFCRLF, then Content-Length bytes.
    private func read(_ client: Int32) -> Recorded? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var headEnd: Range<Data.Index>?
        var expected = Int.max
        while data.count < expected {
            guard waitReadable(client, milliseconds: 5000) else { return nil }
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data.append(contentsOf: buffer[0..<count])
            if headEnd == nil, let end = data.range(of: Data("\r\n\r\n".utf8)) {
                headEnd = end
                let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
                let length = Self.headers(of: head)["content-length"].flatMap { Int($0) } ?? 0
                expected = end.upperBound + length
            }
        }
        guard let headEnd else { return nil }
        let head = String(decoding: data[..<headEnd.lowerBound], as: UTF8.self)
        let requestLine = head.split(separator: "\r\n").first?.split(separator: " ") ?? []
        guard requestLine.count >= 2 else { return nil }
        return Recorded(
            method: String(requestLine[0]), path: String(requestLine[1]), headers: Self.headers(of: head),
            body: Data(data[headEnd.upperBound...]))
    }

    private static func headers(of head: String) -> [String: String] {
        var headers: [String: String] = [:]
        for line in head.split(separator: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return headers
    }

    private func respond(_ client: Int32, status: Int, type: String, body: String) {
        let bytes = Array(body.utf8)
        let head =
            "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Stub")\r\nContent-Type: \(type)\r\n"
            + "Content-Length: \(bytes.count)\r\nConnection: close\r\n\r\n"
        write(client, Array(head.utf8) + bytes)
    }

    private func streamEvents(_ client: Int32, deltas: [String], interval: Duration) {
        let head =
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        var events = [": stub stream\n\n", Self.chunk(["role": "assistant"], finish: nil)]
        events += deltas.map { Self.chunk(["content": $0], finish: nil) }
        events += [Self.chunk([:], finish: "stop"), "data: [DONE]\n\n"]
        let (seconds, attoseconds) = interval.components
        let pause = useconds_t(seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        var open = write(client, Array(head.utf8))
        for event in events where open && !isStopped {
            let bytes = Array(event.utf8)
            open =
                !peerClosed(client)
                && write(client, Array((String(bytes.count, radix: 16) + "\r\n").utf8) + bytes + Array("\r\n".utf8))
            if open { usleep(pause) }
        }
        open = open && !isStopped && write(client, Array("0\r\n\r\n".utf8))
        state.mutate { $0.endings.append(open ? .completed : .clientClosed) }
    }

    /// Whether the client closed (or reset) its side of the connection.
    private func peerClosed(_ client: Int32) -> Bool {
        let readHangUp: Int16 = 0x2000  // POLLRDHUP (Linux; Glibc hides it behind _GNU_SOURCE)
        var poller = pollfd(fd: client, events: readHangUp, revents: 0)
        guard poll(&poller, 1, 0) > 0 else { return false }
        return poller.revents & (readHangUp | Int16(POLLHUP) | Int16(POLLERR)) != 0
    }

    /// Writes all of `bytes`; false when the connection failed.
    @discardableResult
    private func write(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    private static func json(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func completion(_ text: String) -> String {
        json([
            "id": "chatcmpl-stub", "object": "chat.completion", "created": 1_720_000_000, "model": "stub",
            "choices": [["index": 0, "message": ["role": "assistant", "content": text], "finish_reason": "stop"]],
            "usage": ["prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120],
        ])
    }

    private static func chunk(_ delta: [String: String], finish: String?) -> String {
        let choice: [String: Any] = ["index": 0, "delta": delta, "finish_reason": finish ?? NSNull()]
        let object: [String: Any] = [
            "id": "chatcmpl-stub", "object": "chat.completion.chunk", "created": 1_720_000_000, "model": "stub",
            "choices": [choice],
        ]
        return "data: " + json(object) + "\n\n"
    }

    private static func error(_ message: String) -> String {
        json(["error": ["message": message, "type": "stub_error"]])
    }
}
