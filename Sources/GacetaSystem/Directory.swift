import Glibc

/// Directory listings.
public enum Directory {
    /// The names in `directory` but `.` and `..`, in the order readdir gives them; empty when it cannot be read.
    public static func names(in directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// A new private directory `/tmp/PREFIX-XXXXXX` (mkdtemp).
    public static func makeTemporary(prefix: String) throws(SystemError) -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        guard let made else { throw SystemError.last("mkdtemp", prefix) }
        return made
    }

    /// Removes the files directly inside `directory`, then the directory; what is already gone is no error.
    public static func removeFlat(_ directory: String) {
        for name in names(in: directory) { unlink("\(directory)/\(name)") }
        rmdir(directory)
    }
}
