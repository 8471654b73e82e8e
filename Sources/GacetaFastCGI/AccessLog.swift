import GacetaCore
import GacetaSystem
import Glibc

/// One logfmt line per request, written by the worker to standard error (the journal under systemd, or
/// `log.file`) in a single `write(2)`, so lines from several workers never interleave:
///
///     time=2024-07-15T10:00:00.123Z level=info pid=4242 request_id=5f1c… method=GET path=/api/v1/search status=200 duration_ms=3.1
///
/// The path is logged without its query string (search terms and any token stay out of the log); handlers add
/// fields through `Response.logFields` (the chat question only when `log.chat_questions` allows it).
public enum AccessLog {
    public static func line(
        requestID: String, method: String, path: String, status: Int, duration: Duration,
        extra: [(name: String, value: String)] = []
    ) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        var fields: [(String, String)] = [
            ("time", Timestamp.nowWithMilliseconds()), ("level", status >= 500 ? "error" : "info"),
            ("pid", String(getpid())), ("request_id", requestID), ("method", method), ("path", path),
            ("status", String(status)), ("duration_ms", String(Double(Int(milliseconds * 10)) / 10)),
        ]
        fields += extra.map { ($0.name, $0.value) }
        return fields.map { "\($0)=\(quoted($1))" }.joined(separator: " ") + "\n"
    }

    /// Writes `line` to standard error in one call.
    public static func write(_ line: String) {
        System.printError(line)
    }

    /// A logfmt value: bare when it is plain, else in double quotes with `"`, `\` and control characters escaped.
    static func quoted(_ value: String) -> String {
        let plain =
            !value.isEmpty
            && value.unicodeScalars.allSatisfy {
                $0.value > 0x20 && $0 != "\"" && $0 != "=" && $0 != "\\" && $0.value != 0x7f
            }
        if plain { return value }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    result +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// nginx's `$request_id` when it looks like one (1–64 of `[A-Za-z0-9._-]`), else a new random one.
    public static func requestID(from parameter: String?) -> String {
        if let parameter, (1...64).contains(parameter.utf8.count),
            parameter.utf8.allSatisfy({
                isalnum(Int32($0)) != 0 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
            })
        {
            return parameter
        }
        // 16 random bytes in one call (arc4random_buf: one getrandom(2)), as 32 hex digits.
        let digits = Array("0123456789abcdef".utf8)
        var random = [UInt8](repeating: 0, count: 16)
        arc4random_buf(&random, random.count)
        return String(unsafeUninitializedCapacity: 32) { text in
            for (index, byte) in random.enumerated() {
                text[2 * index] = digits[Int(byte >> 4)]
                text[2 * index + 1] = digits[Int(byte & 0xF)]
            }
            return 32
        }
    }
}
