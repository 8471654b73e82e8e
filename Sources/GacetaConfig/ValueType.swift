/// How one kind of value is parsed, described in errors and shown in reports.
struct ValueType<Value: Sendable>: Sendable {
    /// Completes "expected …", e.g. "an integer from 1 to 256".
    let expected: String
    /// A valid value to show in errors when the key has no default worth showing.
    let example: String
    /// Whether an empty value is meaningful (it means "unset"); otherwise it is a missing value.
    let allowsEmpty: Bool
    let parse: @Sendable (String) -> Value?
    let format: @Sendable (Value) -> String
}

extension ValueType where Value == String {
    /// A non-empty string.
    static func string(example: String) -> ValueType {
        ValueType(expected: "a non-empty string", example: example, allowsEmpty: false, parse: { $0 }, format: { $0 })
    }
}

extension ValueType where Value == String? {
    /// A string where empty means unset.
    static func optionalString(example: String) -> ValueType {
        ValueType(
            expected: "a string, or nothing to leave it unset", example: example, allowsEmpty: true,
            parse: { $0.isEmpty ? nil : $0 }, format: { $0 ?? "(unset)" })
    }

    /// A string never shown in reports; empty means unset.
    static var secret: ValueType {
        ValueType(
            expected: "a secret string", example: "…", allowsEmpty: true,
            parse: { $0.isEmpty ? nil : $0 },
            format: { $0.map { "<redacted, \($0.count) characters>" } ?? "(unset)" })
    }
}

extension ValueType where Value == Int {
    static func integer(_ range: ClosedRange<Int>) -> ValueType {
        ValueType(
            expected: "an integer from \(range.lowerBound) to \(range.upperBound)", example: "\(range.lowerBound)",
            allowsEmpty: false, parse: { ValueParsers.integer($0, in: range) }, format: { "\($0)" })
    }

    static var byteSize: ValueType {
        ValueType(
            expected: "a size in bytes with an optional k, m or g suffix, like 512, 64k, 1m or 1g", example: "1m",
            allowsEmpty: false, parse: ValueParsers.byteSize, format: ValueParsers.formatByteSize)
    }
}

extension ValueType where Value == Double {
    static func decimal(_ range: ClosedRange<Double>) -> ValueType {
        ValueType(
            expected: "a number from \(range.lowerBound) to \(range.upperBound)", example: "\(range.lowerBound)",
            allowsEmpty: false,
            parse: { text in
                guard !text.isEmpty, text.allSatisfy({ $0.isASCIIDigit || $0 == "." }), let value = Double(text),
                    range.contains(value)
                else { return nil }
                return value
            }, format: { "\($0)" })
    }
}

extension ValueType where Value == Bool {
    static var bool: ValueType {
        ValueType(
            expected: "true or false (also yes/no, on/off, 1/0)", example: "false", allowsEmpty: false,
            parse: ValueParsers.bool, format: { $0 ? "true" : "false" })
    }
}

extension ValueType where Value == Duration {
    static var duration: ValueType {
        ValueType(
            expected: "a duration like 250ms, 10s, 5m or 1h (a bare number means seconds)", example: "30s",
            allowsEmpty: false, parse: ValueParsers.duration, format: ValueParsers.formatDuration)
    }
}

extension ValueType where Value == UInt32 {
    static var octalMode: ValueType {
        ValueType(
            expected: "an octal file mode from 0000 to 0777", example: "0660", allowsEmpty: false,
            parse: ValueParsers.octalMode, format: ValueParsers.formatMode)
    }
}

extension ValueType where Value == ListenAddress {
    static var listenAddress: ValueType {
        ValueType(
            expected: "unix:PATH, /absolute/path.sock, HOST:PORT or [IPV6]:PORT with a port from 1 to 65535",
            example: "127.0.0.1:9000", allowsEmpty: false, parse: { ListenAddress(parsing: $0) },
            format: { $0.description })
    }
}

extension ValueType where Value == LogLevel {
    static var logLevel: ValueType {
        ValueType(
            expected: "one of " + LogLevel.allCases.map(\.rawValue).joined(separator: ", "), example: "info",
            allowsEmpty: false, parse: { LogLevel(name: $0) }, format: { $0.rawValue })
    }
}

extension ValueType where Value == ProcessManager {
    static var processManager: ValueType {
        ValueType(
            expected: "one of " + ProcessManager.allCases.map(\.rawValue).joined(separator: ", "), example: "static",
            allowsEmpty: false, parse: { ProcessManager(rawValue: $0) }, format: { $0.rawValue })
    }
}

extension ValueType where Value == [IPNetwork] {
    /// Comma-separated CIDR networks, IPv4 or IPv6.
    static var networks: ValueType {
        ValueType(
            expected: "comma-separated networks in CIDR notation, IPv4 or IPv6, like 127.0.0.1/32, ::1/128, 10.0.0.0/8",
            example: "127.0.0.1/32, ::1/128", allowsEmpty: false,
            parse: { text in
                let parsed = text.split(separator: ",").map { IPNetwork(parsing: String($0)) }
                guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else { return nil }
                return parsed.compactMap { $0 }
            }, format: { $0.map(\.description).joined(separator: ", ") })
    }
}

extension ValueType where Value == String {
    /// An `http://` or `https://` URL with a host; a trailing slash is dropped.
    static var httpURL: ValueType {
        ValueType(
            expected: "an http:// or https:// URL with a host and no query", example: "https://example.org",
            allowsEmpty: false,
            parse: { text in
                let lower = text.lowercased()
                guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return nil }
                let rest = text.dropFirst(scheme.count)
                guard let host = rest.split(separator: "/", omittingEmptySubsequences: false).first,
                    !host.isEmpty, !text.contains(where: { $0 == "?" || $0 == "#" || $0 == " " })
                else { return nil }
                var url = text
                while url.hasSuffix("/") { url.removeLast() }
                return url
            }, format: { $0 })
    }

    /// A time zone name found in the system's zone database (`America/Costa_Rica`, `UTC`).
    static var timezone: ValueType {
        ValueType(
            expected: "a time zone name from /usr/share/zoneinfo, like America/Costa_Rica", example: "UTC",
            allowsEmpty: false,
            parse: { text in
                guard !text.isEmpty, !text.hasPrefix("/"), !text.split(separator: "/").contains(".."),
                    FileSystem.exists("/usr/share/zoneinfo/\(text)")
                else { return nil }
                return text
            }, format: { $0 })
    }
}
