import Glibc

/// Turns the paths given on the command line into the list of files to ingest.
public enum SourceFinder {
    /// Expands files and folders (recursively) into the ingestible files (.pdf, .md, .markdown, .txt,
    /// case-insensitive), sorted, deduplicated; a missing path or an unsupported explicit file is an error naming it.
    ///
    /// Inside folders, hidden entries (names starting with ".") and unsupported files are skipped.
    public static func files(in paths: [String]) throws(IngestError) -> [String] {
        var found = Set<String>()
        for rawPath in paths {
            let path = FilePath.normalized(rawPath)
            let info: stat
            switch SystemCall.status(of: path) {
            case .success(let value): info = value
            case .failure(let error):
                throw IngestError(path: rawPath, message: "cannot use this path: \(SystemCall.describe(error.errno))")
            }
            if isDirectory(info) {
                var visited = Set<DirectoryID>()
                try walk(path, info: info, visited: &visited, into: &found)
            } else if SourceKind(fileName: path) != nil {
                found.insert(path)
            } else {
                throw IngestError(
                    path: rawPath,
                    message: "unsupported file type (expected \(SourceKind.extensionsDescription))")
            }
        }
        return found.sorted()
    }

    private struct DirectoryID: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private static func isDirectory(_ info: stat) -> Bool {
        (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func walk(
        _ directory: String, info: stat, visited: inout Set<DirectoryID>, into found: inout Set<String>
    ) throws(IngestError) {
        // Symlinked folders may form loops: enter each folder once.
        let id = DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        guard visited.insert(id).inserted else { return }
        for name in try entries(of: directory) where !name.hasPrefix(".") {
            let path = FilePath.join(directory, name)
            guard case .success(let child) = SystemCall.status(of: path) else { continue }  // dangling symlink
            if isDirectory(child) {
                try walk(path, info: child, visited: &visited, into: &found)
            } else if (child.st_mode & S_IFMT) == S_IFREG, SourceKind(fileName: name) != nil {
                found.insert(path)
            }
        }
    }

    /// The names in a folder, without "." and "..".
    private static func entries(of directory: String) throws(IngestError) -> [String] {
        guard let handle = opendir(directory) else {
            throw IngestError(path: directory, message: "cannot list folder: \(SystemCall.describe(errno))")
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
