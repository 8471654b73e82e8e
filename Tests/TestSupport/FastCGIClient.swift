import Foundation

/// A minimal FastCGI client speaking the wire protocol to a worker socket, so tests can hold a
/// request half-sent (a worker busy "in flight") and finish it later.
public final class FastCGIClient {
    private let fd: Int32
    private let requestID: UInt16 = 1

    public init(unixPath: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in unixPath.utf8.enumerated() { buffer[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw TestSupportError("connect(\(unixPath)) failed: \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(fd) }

    /// BEGIN_REQUEST and the parameters (ended by an empty PARAMS record).
    public func sendHead(_ parameters: [String: String]) throws {
        try record(type: 1, [0, 1, 0, 0, 0, 0, 0, 0])
        var encoded: [UInt8] = []
        for (name, value) in parameters {
            encoded += length(name.utf8.count) + length(value.utf8.count) + Array(name.utf8) + Array(value.utf8)
        }
        try record(type: 4, encoded)
        try record(type: 4, [])
    }

    /// Body bytes; `end` sends the empty STDIN record that completes the request.
    public func sendBody(_ bytes: [UInt8], end: Bool) throws {
        var offset = 0
        while offset < bytes.count {
            let chunk = Array(bytes[offset..<min(bytes.count, offset + 65535)])
            try record(type: 5, chunk)
            offset += chunk.count
        }
        if end { try record(type: 5, []) }
    }

    /// Sends `bytes` as they are (a record cut anywhere, a drip-feed); false once the server has closed.
    public func sendRaw(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// Reads STDOUT records until END_REQUEST; returns the CGI status and the body.
    public func readResponse() throws -> (status: Int, body: String) {
        var stdout: [UInt8] = []
        while true {
            let header = try readExactly(8)
            let length = Int(header[4]) << 8 | Int(header[5])
            let content = try readExactly(length + Int(header[6]))
            switch header[1] {
            case 6: stdout += content.prefix(length)
            case 3: return Self.parse(stdout)
            default: continue
            }
        }
    }

    /// GET `path` through a fresh connection.
    public static func get(_ path: String, socket: String) throws -> (status: Int, body: String) {
        let client = try FastCGIClient(unixPath: socket)
        try client.sendHead(["REQUEST_METHOD": "GET", "REQUEST_URI": path, "SCRIPT_NAME": path])
        try client.sendBody([], end: true)
        return try client.readResponse()
    }

    private static func parse(_ output: [UInt8]) -> (status: Int, body: String) {
        let text = String(decoding: output, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return (0, text) }
        let head = text[..<split.lowerBound]
        var status = 200
        for line in head.split(separator: "\r\n") where line.hasPrefix("Status: ") {
            status = Int(line.dropFirst(8).prefix(3)) ?? 0
        }
        return (status, String(text[split.upperBound...]))
    }

    private func length(_ count: Int) -> [UInt8] {
        count < 128
            ? [UInt8(count)]
            : [
                UInt8((count >> 24) & 0x7f | 0x80), UInt8((count >> 16) & 0xff), UInt8((count >> 8) & 0xff),
                UInt8(count & 0xff),
            ]
    }

    private func record(type: UInt8, _ content: [UInt8]) throws {
        let header: [UInt8] = [
            1, type, UInt8(requestID >> 8), UInt8(requestID & 0xff), UInt8(content.count >> 8),
            UInt8(content.count & 0xff), 0, 0,
        ]
        let bytes = header + content
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw TestSupportError("send failed: \(String(cString: strerror(errno)))") }
            sent += count
        }
    }

    private func readExactly(_ count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer[filled...].withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard got > 0 else { throw TestSupportError("connection closed after \(filled) of \(count) bytes") }
            filled += got
        }
        return buffer
    }
}
