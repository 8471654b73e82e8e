import GacetaSystem

/// The few file operations the loader needs, on the system layer, so that worker processes do not link Foundation.
enum FileSystem {
    /// A failed system call, with the reason as the C library words it ("No such file or directory").
    struct Failure: Error, Equatable {
        let reason: String
    }

    static func exists(_ path: String) -> Bool {
        FileContents.exists(path)
    }

    /// The file's contents decoded as UTF-8 (invalid bytes become U+FFFD).
    static func readText(_ path: String) -> Result<String, Failure> {
        do {
            return .success(try FileContents.readText(path))
        } catch {
            return .failure(Failure(reason: error.reason))
        }
    }

    /// `path` if absolute, otherwise `path` inside `directory`.
    static func resolve(_ path: String, in directory: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty {
            return path
        }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
