/// Where the FastCGI pool listens for nginx.
public enum ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// A unix domain socket. A relative path is relative to the server's working directory.
    case unix(path: String)
    /// A TCP socket; `host` is a name or an address (IPv6 without brackets).
    case tcp(host: String, port: UInt16)

    /// Parses `unix:PATH`, `/absolute/path.sock`, `HOST:PORT` or `[IPV6]:PORT` (port 1-65535).
    public init?(parsing text: String) {
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst("unix:".count))
            guard !path.isEmpty, !path.contains(where: \.isWhitespace) else { return nil }
            self = .unix(path: path)
            return
        }
        if text.hasPrefix("/") {
            guard !text.contains(where: \.isWhitespace) else { return nil }
            self = .unix(path: text)
            return
        }
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":"), host.contains(":") else { return nil }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            guard !host.contains(":") else { return nil }
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }),
            portText.allSatisfy(\.isASCIIDigit), let port = Int(portText), (1...65535).contains(port)
        else { return nil }
        self = .tcp(host: String(host), port: UInt16(port))
    }

    /// `unix:PATH`, `HOST:PORT` or `[IPV6]:PORT`; parses back to the same value.
    public var description: String {
        switch self {
        case .unix(let path):
            return "unix:\(path)"
        case .tcp(let host, let port):
            return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
