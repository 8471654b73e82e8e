/// The one parser for integer query parameters: ASCII digits only (no sign, exponent, hex or spaces), inside a
/// range; anything else, an empty value included, is a 400 `invalid_parameter` that names the parameter.
/// Values past `Int` never overflow: they are out of range.
public enum IntegerParameter {
    public static func parse(_ value: String?, name: String, range: ClosedRange<Int>, default fallback: Int)
        throws(HTTPError) -> Int
    {
        guard let value else { return fallback }
        guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let number = Int(value), range.contains(number)
        else {
            throw HTTPError(
                status: 400, code: "invalid_parameter",
                message: "'\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound); "
                    + "got '\(value.prefix(40))'")
        }
        return number
    }
}

extension Request {
    /// The integer query parameter `name` (see `IntegerParameter`); `fallback` when it is absent.
    public func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws(HTTPError) -> Int {
        try IntegerParameter.parse(try query(name), name: name, range: range, default: fallback)
    }
}
