/// `application/x-www-form-urlencoded` decoding, strict about malformed escapes.
public enum QueryString {
    public static func parse(_ raw: String) throws(HTTPError) -> [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        for pair in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(parts[0], plusIsSpace: true)
            let value = parts.count > 1 ? try decode(parts[1], plusIsSpace: true) : ""
            items.append((name, value))
        }
        return items
    }

    /// Percent-decodes `text`; a `%` not followed by two hex digits, or bytes that are not UTF-8, are a 400.
    public static func decode(_ text: Substring, plusIsSpace: Bool) throws(HTTPError) -> String {
        guard text.contains("%") || (plusIsSpace && text.contains("+")) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw .badRequest(
                        "malformed percent-encoding in '\(text.prefix(80))': '%' must be followed by two hex digits")
                }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .badRequest("'\(text.prefix(80))' does not decode to UTF-8 text")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
