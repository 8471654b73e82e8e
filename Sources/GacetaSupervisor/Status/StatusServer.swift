import Glibc

/// The master's own small FastCGI responder for `/status` and `/metrics`, on its own socket, so the page
/// answers even when every worker is busy. One request per connection, handled in the master's loop
/// with a 1 s receive timeout (nginx sends a request at once; a stalled client cannot hold the master).
public final class StatusServer {
    public typealias Responder = (_ path: String, _ query: String) -> (status: Int, type: String, body: String)

    public let socket: ListeningSocket
    private let respond: Responder

    public init(socket: ListeningSocket, respond: @escaping Responder) {
        self.socket = socket
        self.respond = respond
        let flags = fcntl(socket.descriptor, F_GETFL)
        _ = fcntl(socket.descriptor, F_SETFL, flags | O_NONBLOCK)
    }

    /// Answers every connection waiting on the socket.
    public func servePending() {
        while true {
            let connection = accept(socket.descriptor, nil, nil)
            guard connection >= 0 else { return }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            // Linux: an accepted socket does not inherit O_NONBLOCK, so the timeouts below apply.
            var timeout = timeval(tv_sec: 1, tv_usec: 0)
            setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            handle(connection)
            close(connection)
        }
    }

    private func handle(_ fd: Int32) {
        var parameters: [String: String] = [:]
        var paramBytes: [UInt8] = []
        var requestID: UInt16 = 1
        // Records until the empty STDIN record that ends the request.
        while true {
            guard let header = read(fd, count: 8) else { return }
            requestID = UInt16(header[2]) << 8 | UInt16(header[3])
            let length = Int(header[4]) << 8 | Int(header[5])
            guard let content = read(fd, count: length + Int(header[6])) else { return }
            let type = header[1]
            if type == 4 {
                if length == 0 {
                    parameters = Self.decodeParameters(paramBytes)
                } else {
                    paramBytes += content.prefix(length)
                }
            } else if type == 5 && length == 0 {
                break
            }
        }
        let uri = parameters["REQUEST_URI"] ?? parameters["DOCUMENT_URI"] ?? "/"
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let answer = respond(String(parts[0]), parts.count > 1 ? String(parts[1]) : (parameters["QUERY_STRING"] ?? ""))
        let body = Array(answer.body.utf8)
        let head =
            "Status: \(answer.status)\r\nContent-Type: \(answer.type)\r\nCache-Control: no-store\r\n"
            + "Content-Length: \(body.count)\r\n\r\n"
        var output = Array(head.utf8) + body
        var records: [UInt8] = []
        while !output.isEmpty {
            let chunk = output.prefix(65_535)
            records += Self.record(type: 6, id: requestID, Array(chunk))
            output.removeFirst(chunk.count)
        }
        records += Self.record(type: 6, id: requestID, [])
        records += Self.record(type: 3, id: requestID, [0, 0, 0, 0, 0, 0, 0, 0])
        _ = records.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    private func read(_ fd: Int32, count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer[filled...].withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return nil }
            filled += got
        }
        return buffer
    }

    private static func record(type: UInt8, id: UInt16, _ content: [UInt8]) -> [UInt8] {
        [1, type, UInt8(id >> 8), UInt8(id & 0xff), UInt8(content.count >> 8), UInt8(content.count & 0xff), 0, 0]
            + content
    }

    /// FastCGI name-value pairs (lengths of 1 byte, or 4 with the high bit set).
    static func decodeParameters(_ bytes: [UInt8]) -> [String: String] {
        var result: [String: String] = [:]
        var index = 0
        func length() -> Int? {
            guard index < bytes.count else { return nil }
            if bytes[index] < 128 {
                index += 1
                return Int(bytes[index - 1])
            }
            guard index + 4 <= bytes.count else { return nil }
            let value =
                Int(bytes[index] & 0x7f) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8
                | Int(bytes[index + 3])
            index += 4
            return value
        }
        while let nameLength = length(), let valueLength = length(), index + nameLength + valueLength <= bytes.count {
            let name = String(decoding: bytes[index..<index + nameLength], as: UTF8.self)
            let value = String(decoding: bytes[index + nameLength..<index + nameLength + valueLength], as: UTF8.self)
            result[name] = value
            index += nameLength + valueLength
        }
        return result
    }
}
