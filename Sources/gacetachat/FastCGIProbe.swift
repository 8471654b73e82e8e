import GacetaConfig
import GacetaSystem
import Glibc

/// The smallest FastCGI client there is: one `GET` on a fresh connection to the pool's socket (or the master's
/// status socket), for `gacetachat health`. Both ends are ours, so it sends only what the responders read.
enum FastCGIProbe {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// GET `target` (path and query) from `address`; the CGI status (200 when the responder sends none) and body.
    static func get(_ target: String, from address: ListenAddress, timeout seconds: Int) throws(Failure) -> (
        status: Int, body: String
    ) {
        let fd = try connect(to: address)
        defer { close(fd) }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let query = parts.count > 1 ? String(parts[1]) : ""
        let parameters = [
            "REQUEST_METHOD": "GET", "REQUEST_URI": target, "SCRIPT_NAME": path, "DOCUMENT_URI": path,
            "QUERY_STRING": query, "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1", "HTTP_HOST": "localhost",
        ]
        var encoded: [UInt8] = []
        // One-byte lengths: every name and value here is shorter than 128 bytes.
        for (name, value) in parameters where name.utf8.count < 128 && value.utf8.count < 128 {
            encoded += [UInt8(name.utf8.count), UInt8(value.utf8.count)] + Array(name.utf8) + Array(value.utf8)
        }
        // BEGIN_REQUEST (role responder, no keep-alive), PARAMS, end of PARAMS, end of STDIN.
        let request =
            record(1, [0, 1, 0, 0, 0, 0, 0, 0]) + record(4, encoded) + record(4, []) + record(5, [])
        try send(request, on: fd, to: address)

        var stdout: [UInt8] = []
        while true {
            let header = try receive(8, on: fd, from: address)
            let length = Int(header[4]) << 8 | Int(header[5])
            let content = try receive(length + Int(header[6]), on: fd, from: address)
            if header[1] == 6 { stdout += content.prefix(length) }
            if header[1] == 3 { break }
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = stdout.indices.first(where: { stdout[$0...].starts(with: separator) }) else {
            throw Failure(description: "\(address) answered without CGI headers")
        }
        var status = 200
        let head = String(decoding: stdout[..<end], as: UTF8.self)
        for line in head.split(separator: "\r\n") where line.hasPrefix("Status: ") {
            status = Int(line.dropFirst(8).prefix(3)) ?? 0
        }
        return (status, String(decoding: stdout[(end + 4)...], as: UTF8.self))
    }

    private static func record(_ type: UInt8, _ content: [UInt8]) -> [UInt8] {
        [1, type, 0, 1, UInt8(content.count >> 8), UInt8(content.count & 0xff), 0, 0] + content
    }

    private static func connect(to address: ListenAddress) throws(Failure) -> Int32 {
        switch address {
        case .unix(let path):
            var socketAddress = sockaddr_un()
            socketAddress.sun_family = sa_family_t(AF_UNIX)
            guard path.utf8.count < MemoryLayout.size(ofValue: socketAddress.sun_path) else {
                throw Failure(description: "socket path too long: \(path)")
            }
            withUnsafeMutableBytes(of: &socketAddress.sun_path) { buffer in
                for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
            }
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            let result = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard fd >= 0, result == 0 else {
                let reason = String(cString: strerror(errno))
                if fd >= 0 { close(fd) }
                throw Failure(description: "connect(\(address)): \(reason)")
            }
            return fd
        case .tcp(let host, let port):
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(host, String(port), &hints, &list)
            guard status == 0, let first = list else {
                throw Failure(description: "cannot resolve \(host): \(String(cString: gai_strerror(status)))")
            }
            defer { freeaddrinfo(list) }
            var reason = "no address"
            var entry: UnsafeMutablePointer<addrinfo>? = first
            while let current = entry {
                let fd = socket(
                    current.pointee.ai_family, current.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), 0)
                if fd >= 0 && Glibc.connect(fd, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0 { return fd }
                reason = String(cString: strerror(errno))
                if fd >= 0 { close(fd) }
                entry = current.pointee.ai_next
            }
            throw Failure(description: "connect(\(address)): \(reason)")
        }
    }

    private static func send(_ bytes: [UInt8], on fd: Int32, to address: ListenAddress) throws(Failure) {
        var sent = 0
        while sent < bytes.count {
            do {
                sent += try System.call("send", "\(address)") {
                    bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                }
            } catch {
                throw Failure(description: "\(error)")
            }
        }
    }

    private static func receive(_ count: Int, on fd: Int32, from address: ListenAddress) throws(Failure) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got: Int
            do {
                got = try System.call("recv", "\(address)") {
                    buffer[filled...].withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                }
            } catch let error where error.errno == EAGAIN || error.errno == EWOULDBLOCK {
                throw Failure(description: "\(address) did not answer in time")
            } catch {
                throw Failure(description: "\(error)")
            }
            guard got > 0 else { throw Failure(description: "\(address) closed the connection early") }
            filled += got
        }
        return buffer
    }
}
