/// The file a document was ingested from, as the store recorded it.
public struct DocumentSource: Sendable, Equatable {
    /// The absolute path the file was read from at ingest time.
    public var path: String
    /// Its SHA-256, lowercase hex.
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }

    /// Whether the document came from a PDF (the only originals that are kept).
    public var isPDF: Bool { path.lowercased().hasSuffix(".pdf") }
}

/// The layout of the kept original PDFs under `storage.files_dir`: `<first two hex digits>/<sha256>.pdf`, so that
/// no directory grows past a few thousand entries and the same file is kept once whatever its name.
public enum StoredFile {
    /// `ab/ab12….pdf` for a SHA-256 in lowercase hex; nil for anything else (never a path from outside input).
    public static func relativePath(sha256: String) -> String? {
        let isHex = sha256.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
        guard sha256.utf8.count == 64, isHex else { return nil }
        return "\(sha256.prefix(2))/\(sha256).pdf"
    }
}
