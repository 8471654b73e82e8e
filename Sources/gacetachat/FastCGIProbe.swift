import GacetaConfig
import GacetaSupervisor
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
        for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
            try failing {
                try System.call("setsockopt", "\(address)") {
                    setsockopt(fd, SOL_SOCKET, option, &timeout, socklen_t(MemoryLayout<timeval>.size))
                }
            }
        }

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
            FastCGIRecord.encode(.beginRequest, requestID: 1, [0, 1, 0, 0, 0, 0, 0, 0])
            + FastCGIRecord.encode(.params, requestID: 1, encoded) + FastCGIRecord.encode(.params, requestID: 1, [])
            + FastCGIRecord.encode(.stdin, requestID: 1, [])
        try send(request, on: fd, to: address)

        var stdout: [UInt8] = []
        while true {
            let header = FastCGIRecord.Header(try receive(FastCGIRecord.headerLength, on: fd, from: address))
            let content = try receive(header.contentLength + header.paddingLength, on: fd, from: address)
            if header.type == .stdout { stdout += content.prefix(header.contentLength) }
            if header.type == .endRequest { break }
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

    /// A system call's failure as the probe's own error.
    private static func failing<T>(_ body: () throws -> T) throws(Failure) -> T {
        do { return try body() } catch { throw Failure(description: "\(error)") }
    }

    /// A socket of `family` connected to `address`, closed again when the connect fails.
    private static func connected(
        family: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t, naming name: ListenAddress
    ) throws(SystemError) -> Int32 {
        let fd = try System.call("socket", "\(name)") {
            socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        do {
            try System.call("connect", "\(name)") { Glibc.connect(fd, address, length) }
        } catch {
            close(fd)
            throw error
        }
        return fd
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
            return try failing {
                try withUnsafePointer(to: &socketAddress) { pointer in
                    try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketPointer in
                        try connected(
                            family: AF_UNIX, socketPointer, socklen_t(MemoryLayout<sockaddr_un>.size), naming: address)
                    }
                }
            }
        case .tcp(let host, let port):
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(host, String(port), &hints, &list)
            guard status == 0, let first = list else {
                throw Failure(description: "cannot resolve \(host): \(SystemError.describeResolver(status))")
            }
            defer { freeaddrinfo(list) }
            var failure = Failure(description: "connect(\(address)): no address")
            var entry: UnsafeMutablePointer<addrinfo>? = first
            while let current = entry {
                do {
                    return try connected(
                        family: current.pointee.ai_family, current.pointee.ai_addr, current.pointee.ai_addrlen,
                        naming: address)
                } catch {
                    failure = Failure(description: "\(error)")
                }
                entry = current.pointee.ai_next
            }
            throw failure
        }
    }

    private static func send(_ bytes: [UInt8], on fd: Int32, to address: ListenAddress) throws(Failure) {
        var sent = 0
        while sent < bytes.count {
            sent += try failing {
                try System.call("send", "\(address)") {
                    bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                }
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
