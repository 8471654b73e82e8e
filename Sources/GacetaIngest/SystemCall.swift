import GacetaSystem
import Glibc

/// The file operations ingestion needs, on the system layer.
enum SystemCall {
    /// The message for an errno value, e.g. "No such file or directory".
    static func describe(_ code: Int32) -> String { SystemError.describe(code) }

    /// `stat(2)` following symlinks.
    static func status(of path: String) -> Result<stat, SystemError> {
        do {
            return .success(try FileContents.status(of: path))
        } catch {
            return .failure(error)
        }
    }

    /// Reads a whole file.
    static func readFile(_ path: String) throws(IngestError) -> [UInt8] {
        do {
            return try FileContents.read(path)
        } catch  where error.call == "open" {
            throw IngestError(path: path, message: "cannot open file: \(error.reason)")
        } catch {
            throw IngestError(path: path, message: "cannot read file: \(error.call): \(error.reason)")
        }
    }

    /// Decodes UTF-8 (invalid bytes become U+FFFD) and drops a byte-order mark.
    static func decodeUTF8(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
