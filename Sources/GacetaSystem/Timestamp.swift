import Glibc

/// UTC timestamps as ISO 8601 text (`2024-07-15T10:00:00Z`), which sort as they compare.
public enum Timestamp {
    public static func now() -> String { iso8601(secondsSinceEpoch: time(nil)) }

    /// `duration` before now.
    public static func ago(_ duration: Duration) -> String {
        iso8601(secondsSinceEpoch: time(nil) - time_t(duration.components.seconds))
    }

    public static func iso8601(secondsSinceEpoch seconds: time_t) -> String {
        var value = seconds
        var parts = tm()
        gmtime_r(&value, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Now in UTC with milliseconds: `format` (strftime) for the seconds, then `.mmmZ`. The default gives
    /// `2024-07-15T10:00:00.123Z`; `%Y%m%dT%H%M%S` gives `20240715T100000.123Z` (for file names).
    public static func nowWithMilliseconds(_ format: String = "%Y-%m-%dT%H:%M:%S") -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let length = strftime(&buffer, buffer.count, format, &parts)
        let millis = String(now.tv_nsec / 1_000_000)
        let date = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return date + "." + String(repeating: "0", count: 3 - millis.count) + millis + "Z"
    }
}
