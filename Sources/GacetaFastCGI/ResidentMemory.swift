import Glibc

/// This process's resident set size, from `/proc/self/statm`: opened once, then one `pread` per call (it is read
/// after every request).
enum ResidentMemory {
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    private static let statm = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)

    static func current() -> Int {
        guard statm >= 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer -> Int in
            let count = pread(statm, buffer.baseAddress, buffer.count, 0)
            guard count > 0 else { return 0 }
            return residentPages(UnsafeBufferPointer(rebasing: buffer[..<count])) * pageSize
        }
    }

    /// The second field of statm's text (`size resident shared …`, in pages); 0 when it is not there.
    static func residentPages(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var field = 0
        var value = 0
        var digits = 0
        for byte in text {
            if byte == UInt8(ascii: " ") {
                if field == 1 { break }
                field += 1
                continue
            }
            guard field == 1 else { continue }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return 0 }
            value = value &* 10 &+ Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return field == 1 && digits > 0 ? value : 0
    }
}
