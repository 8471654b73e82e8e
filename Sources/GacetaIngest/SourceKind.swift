/// The kind of file a source was read from.
public enum SourceKind: String, Sendable {
    case pdf, markdown, text

    /// The kind for a file name's extension (case-insensitive), or nil when the file is not ingestible.
    public init?(fileName: String) {
        let name = FilePath.lastComponent(of: fileName)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "pdf": self = .pdf
        case "md", "markdown": self = .markdown
        case "txt": self = .text
        default: return nil
        }
    }

    /// The extensions `SourceFinder` accepts, for error messages.
    static let extensionsDescription = ".pdf, .md, .markdown or .txt"
}
