import Glibc

/// An IPv4 or IPv6 network in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`); a bare address is a /32 or /128.
/// An IPv4 address written IPv6-mapped (`::ffff:127.0.0.1`, as a dual-stack socket reports it) is matched as the
/// IPv4 address it is.
public struct IPNetwork: Sendable, Equatable, CustomStringConvertible {
    /// 4 or 16 bytes, host bits cleared.
    public let address: [UInt8]
    public let prefixLength: Int

    public init?(parsing text: String) {
        let parts = Self.trimmed(text).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let bytes = Self.bytes(of: String(parts[0])) else { return nil }
        let bits = bytes.count * 8
        var length = bits
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit), parts[1].count <= 3,
                let value = Int(parts[1]), value <= bits
            else { return nil }
            length = value
        }
        address = Self.masked(bytes, to: length)
        prefixLength = length
    }

    /// Whether `text` (an address as `REMOTE_ADDR` gives it) is in this network.
    public func contains(_ text: String) -> Bool {
        guard var bytes = Self.bytes(of: text) else { return false }
        if bytes.count == 16, address.count == 4, bytes.prefix(12).elementsEqual(Self.mappedPrefix) {
            bytes = Array(bytes.suffix(4))
        }
        return bytes.count == address.count && Self.masked(bytes, to: prefixLength) == address
    }

    public var description: String {
        guard address.count == 16 else { return address.map(String.init).joined(separator: ".") + "/\(prefixLength)" }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let written = address.withUnsafeBytes { inet_ntop(AF_INET6, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
        return (written == nil ? "?" : String(cString: buffer)) + "/\(prefixLength)"
    }

    /// `::ffff:` — the first 12 bytes of an IPv4-mapped IPv6 address.
    private static let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]

    private static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if !text.contains(":"), inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if text.contains(":"), inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    /// `text` without the white space (Unicode's White_Space: spaces, tabs, line ends) at either end.
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
        let end = scalars.lastIndex { !$0.properties.isWhitespace }.map(scalars.index(after:)) ?? start
        return String(scalars[start..<end])
    }

    private static func masked(_ bytes: [UInt8], to length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let bits = min(max(length - index * 8, 0), 8)
            return bits == 8 ? byte : byte & ~(UInt8(0xFF) >> bits)
        }
    }
}

extension [IPNetwork] {
    /// Whether any of the networks holds `address`.
    public func allows(_ address: String) -> Bool { contains { $0.contains(address) } }
}
