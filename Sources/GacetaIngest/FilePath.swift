/// Path string helpers (no Foundation).
enum FilePath {
    /// The part after the last `/`.
    static func lastComponent(of path: String) -> Substring {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return trimmed[trimmed.index(after: slash)...]
    }

    /// The file name without its directory and extension, e.g. "COMP_15_07_2024" for "a/COMP_15_07_2024.pdf".
    static func stem(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }

    /// `directory/name` without doubling a trailing slash.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The path without trailing slashes (except for "/") and without leading "./" repeats.
    static func normalized(_ path: String) -> String {
        var result = Substring(path)
        while result.hasPrefix("./"), result.count > 2 { result = result.dropFirst(2) }
        while result.count > 1, result.hasSuffix("/") { result = result.dropLast() }
        return String(result)
    }
}
