import Glibc

/// This process's resident anonymous memory (heap, stacks, pages it wrote), from `/proc/self/statm`: resident
/// minus file-backed and shared pages. The SQLite database a worker maps (`mmap_size`) is page cache shared with
/// every other worker and the kernel's file cache, not the worker's own: counting it would recycle a worker for
/// having read the index. Opened once, then one `pread` per call (it is read after every request).
enum ResidentMemory {
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    private static let statm = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)

    static func current() -> Int {
        guard statm >= 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer -> Int in
            let count = pread(statm, buffer.baseAddress, buffer.count, 0)
            guard count > 0 else { return 0 }
            return anonymousPages(UnsafeBufferPointer(rebasing: buffer[..<count])) * pageSize
        }
    }

    /// statm's text is `size resident shared text lib data dirty`, in pages: resident − shared (RssAnon); 0 when
    /// the fields are not there.
    static func anonymousPages(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        // The first three fields, read without allocating (this runs after every request).
        var fields = (0, 0, 0)
        var field = 0
        var value = 0
        var digits = 0
        for byte in text {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") {
                guard digits > 0 else { return 0 }
                switch field {
                case 0: fields.0 = value
                case 1: fields.1 = value
                default: fields.2 = value
                }
                field += 1
                if field == 3 { break }
                value = 0
                digits = 0
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return 0 }
            value = value &* 10 &+ Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        if field == 2, digits > 0 {
            fields.2 = value
            field = 3
        }
        guard field == 3 else { return 0 }
        return max(0, fields.1 - fields.2)
    }
}
