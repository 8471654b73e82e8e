/// Parsers and canonical formatters for the value types of the schema. Each parser returns `nil` for bad input;
/// the caller explains what was expected.
enum ValueParsers {
    /// `true/false`, `yes/no`, `on/off`, `1/0`, in any case.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: return nil
        }
    }

    /// A decimal integer inside `range`.
    static func integer(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), let value = Int(text), range.contains(value) else {
            return nil
        }
        return value
    }

    /// `512`, `64k`, `1m`, `2M`, `1g` (powers of 1024), in bytes.
    static func byteSize(_ text: String) -> Int? {
        let units: [Character: Int] = ["k": 1 << 10, "m": 1 << 20, "g": 1 << 30]
        guard let (number, unit) = splitNumber(text.lowercased()) else { return nil }
        let multiplier: Int
        if unit.isEmpty {
            multiplier = 1
        } else if unit.count == 1, let first = unit.first, let factor = units[first] {
            multiplier = factor
        } else {
            return nil
        }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : bytes
    }

    /// `250ms`, `10s`, `5m`, `1h`; a bare number means seconds.
    static func duration(_ text: String) -> Duration? {
        let millisecondsPerUnit: [String: Int] = ["ms": 1, "s": 1000, "": 1000, "m": 60_000, "h": 3_600_000]
        guard let (number, unit) = splitNumber(text.lowercased()), let factor = millisecondsPerUnit[unit] else {
            return nil
        }
        let (milliseconds, overflow) = number.multipliedReportingOverflow(by: factor)
        return overflow ? nil : .milliseconds(milliseconds)
    }

    /// `660` or `0660`: octal permission bits no wider than `0777`.
    static func octalMode(_ text: String) -> UInt32? {
        guard (1...4).contains(text.count), text.allSatisfy({ ("0"..."7").contains($0) }),
            let mode = UInt32(text, radix: 8), mode <= 0o777
        else { return nil }
        return mode
    }

    static func formatByteSize(_ bytes: Int) -> String {
        for (suffix, factor) in [("g", 1 << 30), ("m", 1 << 20), ("k", 1 << 10)] where bytes >= factor {
            if bytes % factor == 0 {
                return "\(bytes / factor)\(suffix)"
            }
        }
        return "\(bytes)"
    }

    static func formatDuration(_ duration: Duration) -> String {
        let parts = duration.components
        let milliseconds = parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
        for (suffix, factor) in [("h", Int64(3_600_000)), ("m", 60_000), ("s", 1000)] where milliseconds >= factor {
            if milliseconds % factor == 0 {
                return "\(milliseconds / factor)\(suffix)"
            }
        }
        return milliseconds == 0 ? "0s" : "\(milliseconds)ms"
    }

    /// Four octal digits, e.g. `0660`.
    static func formatMode(_ mode: UInt32) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Splits `64k` into `(64, "k")`; `nil` unless it starts with at least one ASCII digit.
    private static func splitNumber(_ text: String) -> (Int, String)? {
        let digits = text.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        return (number, String(text.dropFirst(digits.count)))
    }
}
