import GacetaConfig
import GacetaSystem
import Glibc

/// The FastCGI listening socket the master opens once and every worker inherits on fd 0.
public struct ListeningSocket: Sendable {
    public let descriptor: Int32
    public let address: ListenAddress
    /// True when we created the unix socket file and must remove it on stop.
    public let ownsFile: Bool

    /// Opens `address`: a unix socket with owner, group and mode, or a TCP `host:port`.
    public static func open(
        _ address: ListenAddress, owner: String?, group: String?, mode: UInt32, backlog: Int32
    ) throws(SystemError) -> ListeningSocket {
        switch address {
        case .unix(let path):
            let fd = try openUnix(path: path, owner: owner, group: group, mode: mode, backlog: backlog)
            return ListeningSocket(descriptor: fd, address: address, ownsFile: true)
        case .tcp(let host, let port):
            let fd = try openTCP(host: host, port: port, backlog: backlog)
            return ListeningSocket(descriptor: fd, address: address, ownsFile: false)
        }
    }

    /// The socket systemd passed (`LISTEN_PID`/`LISTEN_FDS`, first fd is 3), if any.
    public static func fromSystemd(environment: [String: String], address: ListenAddress) -> ListeningSocket? {
        guard let pid = environment["LISTEN_PID"].flatMap(Int32.init), pid == getpid(),
            let count = environment["LISTEN_FDS"].flatMap(Int.init), count >= 1
        else { return nil }
        _ = fcntl(3, F_SETFD, FD_CLOEXEC)
        return ListeningSocket(descriptor: 3, address: address, ownsFile: false)
    }

    /// Closes the socket and removes the file we created.
    public func close() {
        _ = Glibc.close(descriptor)
        if ownsFile, case .unix(let path) = address { unlink(path) }
    }

    private static func openUnix(path: String, owner: String?, group: String?, mode: UInt32, backlog: Int32)
        throws(SystemError) -> Int32
    {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.utf8.count < capacity else {
            throw SystemError(
                call: "bind", errno: ENAMETOOLONG,
                context: "unix socket path '\(path)' is \(path.utf8.count) bytes; the limit is \(capacity - 1)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
        }
        try makeParentDirectory(of: path)
        try removeStaleSocket(at: path, address: address)

        let fd = try System.call("socket") {
            socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        // Created 0600, then widened to `mode`: never briefly reachable by others.
        let previousMask = umask(0o177)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        let bindError = Glibc.errno
        umask(previousMask)
        guard bound == 0 else {
            Glibc.close(fd)
            throw SystemError(call: "bind", errno: bindError, context: "unix:\(path)")
        }
        do {
            try setOwnership(path: path, owner: owner, group: group)
            try System.call("chmod", "unix:\(path) to \(String(mode, radix: 8))") { chmod(path, mode_t(mode)) }
            try System.call("listen", "unix:\(path)") { listen(fd, backlog) }
        } catch {
            Glibc.close(fd)
            unlink(path)
            throw error
        }
        return fd
    }

    private static func openTCP(host: String, port: UInt16, backlog: Int32) throws(SystemError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw SystemError(
                call: "getaddrinfo", errno: EINVAL,
                context: "\(host):\(port): \(SystemError.describeAddressInfo(status))"
            )
        }
        defer { freeaddrinfo(list) }
        let fd = try System.call("socket") {
            socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        do {
            try System.call("bind", "\(host):\(port)") { bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) }
            try System.call("listen", "\(host):\(port)") { listen(fd, backlog) }
        } catch {
            Glibc.close(fd)
            throw error
        }
        return fd
    }

    private static func makeParentDirectory(of path: String) throws(SystemError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/").dropLast() {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 && Glibc.errno != EEXIST {
                throw SystemError(call: "mkdir", errno: Glibc.errno, context: prefix)
            }
        }
    }

    /// A socket file left by a crashed master is removed; one with a live listener is an error.
    private static func removeStaleSocket(at path: String, address: sockaddr_un) throws(SystemError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFSOCK else {
            throw SystemError(
                call: "bind", errno: EEXIST,
                context: "'\(path)' exists and is not a socket; remove it or choose another server.listen")
        }
        let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        defer { Glibc.close(probe) }
        var target = address
        let connected = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(probe, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if connected == 0 {
            throw SystemError(
                call: "bind", errno: EADDRINUSE, context: "another process is already listening on unix:\(path)")
        }
        unlink(path)
    }

    private static func setOwnership(path: String, owner: String?, group: String?) throws(SystemError) {
        var uid = uid_t.max  // -1: leave unchanged
        var gid = gid_t.max
        if let owner, !owner.isEmpty {
            guard let entry = getpwnam(owner) else {
                throw SystemError(
                    call: "getpwnam", errno: ENOENT,
                    context: "server.socket_owner '\(owner)' is not a user on this system")
            }
            uid = entry.pointee.pw_uid
        }
        if let group, !group.isEmpty {
            guard let entry = getgrnam(group) else {
                throw SystemError(
                    call: "getgrnam", errno: ENOENT,
                    context: "server.socket_group '\(group)' is not a group on this system")
            }
            gid = entry.pointee.gr_gid
        }
        guard uid != uid_t.max || gid != gid_t.max else { return }
        try System.call("chown", "unix:\(path) to \(owner ?? "-"):\(group ?? "-")") { chown(path, uid, gid) }
    }
}
