import GacetaCore
import GacetaSystem
import Glibc

/// The kept copies of ingested PDFs (`storage.files_dir`), laid out by ``StoredFile``: each file is written under a
/// temporary name and renamed into place, so a reader (nginx) never sees half a file, and a file already there is
/// left alone. A PDF that already lies inside the directory (fetch's `pub/` tree, an upload) is kept as a hard link
/// to itself instead: one copy on disk.
public struct PDFArchive: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Keeps a copy of the PDF at `path` whose SHA-256 is `sha256`; returns false when it was already kept.
    @discardableResult
    public func keep(path: String, sha256: String) throws(IngestError) -> Bool {
        guard let relative = StoredFile.relativePath(sha256: sha256) else {
            throw IngestError(path: path, message: "'\(sha256)' is not a SHA-256 in hex; the PDF was not kept")
        }
        let destination = "\(directory)/\(relative)"
        if case .success = SystemCall.status(of: destination) { return false }
        do {
            try Self.makeDirectory(directory)
            try Self.makeDirectory("\(directory)/\(relative.prefix(2))")
            if path.hasPrefix(directory + "/"), try AtomicFile.link(path, to: destination) {
                // One file, two names: readable by nginx's user whatever mode the other name was written with.
                try System.call("chmod", destination) { chmod(destination, 0o644) }
            } else {
                try AtomicFile.copy(path, to: destination, mode: 0o644)
            }
        } catch {
            throw IngestError(path: path, message: "cannot keep a copy in \(directory) (storage.files_dir): \(error)")
        }
        return true
    }

    /// `mkdir -p` for the last component only (the parent must exist), readable by nginx's user.
    private static func makeDirectory(_ path: String) throws(SystemError) {
        if mkdir(path, 0o755) == 0 {
            chmod(path, 0o755)  // whatever the umask: nginx (www-data) reads from here
            return
        }
        if errno == EEXIST { return }
        if errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectory(String(path[..<slash]))
            return try makeDirectory(path)
        }
        throw SystemError.last("mkdir", path)
    }
}
