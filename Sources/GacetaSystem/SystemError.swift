import Glibc

/// A failed system call: its name, errno, and what it was doing ("open /etc/gacetachat/gacetachat.ini").
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public let call: String
    public let errno: Int32
    public let context: String

    public init(call: String, errno: Int32, context: String = "") {
        self.call = call
        self.errno = errno
        self.context = context
    }

    /// The error for the calling thread's `errno` now.
    public static func last(_ call: String, _ context: String = "") -> SystemError {
        SystemError(call: call, errno: Glibc.errno, context: context)
    }

    /// The reason as the C library words it ("No such file or directory").
    public var reason: String { Self.describe(errno) }

    public var description: String {
        "\(call) failed\(context.isEmpty ? "" : " (\(context))"): \(reason)"
    }

    /// `getaddrinfo`'s words for its own status (it does not set errno).
    public static func describeResolver(_ status: Int32) -> String {
        guard let text = gai_strerror(status) else { return "resolver status \(status)" }
        return String(cString: text)
    }

    /// The C library's words for an errno value.
    public static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }

    /// The resolver's words for a `getaddrinfo` status.
    public static func describeAddressInfo(_ status: Int32) -> String {
        guard let text = gai_strerror(status) else { return "getaddrinfo error \(status)" }
        return String(cString: text)
    }

    /// Whether an `accept` that failed with `code` should simply be tried again (nothing waiting, a signal, or a
    /// client that went away before it was accepted).
    public static func isTransientAccept(_ code: Int32) -> Bool {
        code == EAGAIN || code == EWOULDBLOCK || code == EINTR || code == ECONNABORTED
    }
}
