import GacetaSystem
import Glibc

/// The master's own small FastCGI responder for `/status` and `/metrics`, on its own socket, so the page
/// answers even when every worker is busy. One request per connection, handled in the master's loop within
/// `timeLimit` and `sizeLimit` in total (nginx sends a request at once; a client that drip-feeds its request, or
/// sends a large one, is cut off there, so it holds the master's loop for 2 s at the most).
public final class StatusServer {
    /// The whole exchange, reading and answering.
    public static let timeLimit: Int64 = 2_000_000  // µs
    /// Bytes of request read (records, headers included).
    public static let sizeLimit = 16 * 1024

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
            // Linux: an accepted socket does not inherit O_NONBLOCK; the reader polls before each receive.
            var reader = BoundedReader(
                fd: connection, deadline: MonotonicClock.microseconds() + Self.timeLimit, budget: Self.sizeLimit)
            handle(&reader)
            close(connection)
        }
    }

    private func handle(_ reader: inout BoundedReader) {
        let fd = reader.fd
        var parameters: [String: String] = [:]
        var paramBytes: [UInt8] = []
        var requestID: UInt16 = 1
        // Records until the empty STDIN record that ends the request.
        while true {
            guard let header = reader.receive(count: FastCGIRecord.headerLength).map(FastCGIRecord.Header.init),
                let content = reader.receive(count: header.contentLength + header.paddingLength)
            else { return }
            requestID = header.requestID
            if header.type == .params {
                if header.contentLength == 0 {
                    parameters = Self.decodeParameters(paramBytes)
                } else {
                    paramBytes += content.prefix(header.contentLength)
                }
            } else if header.type == .stdin && header.contentLength == 0 {
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
            records += FastCGIRecord.encode(.stdout, requestID: requestID, Array(chunk))
            output.removeFirst(chunk.count)
        }
        records += FastCGIRecord.encode(.stdout, requestID: requestID, [])
        records += FastCGIRecord.encode(.endRequest, requestID: requestID, FastCGIRecord.requestComplete)
        // Within what is left of the time limit (nginx reads at once; a client that does not is cut off).
        let left = max(reader.deadline - MonotonicClock.microseconds(), 1000)
        var timeout = timeval(tv_sec: Int(left / 1_000_000), tv_usec: Int(left % 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = records.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
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
