import GacetaSystem
import Glibc

/// A fresh directory under $TMPDIR (or /tmp) for one test.
func scratchDirectory(_ name: String) -> String {
    let root = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array("\(root)/gacetachat-\(name)-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
    return made.map { String(cString: $0) } ?? root
}

/// The entries of `directory` but `.` and `..`.
func entries(of directory: String) -> [String] {
    Directory.names(in: directory).sorted()
}
