import Glibc

/// A worker's boot check of `database.url`, so an unreachable database stops the pool at start
/// instead of failing requests later. The stores (SQLite, PostgreSQL) replace it with a real open.
enum DatabaseCheck {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func verify(_ url: String) throws(Failure) {
        guard url.hasPrefix("sqlite:") else {
            throw Failure(description: "database.url '\(url)': this build supports sqlite: URLs only")
        }
        var path = String(url.dropFirst("sqlite:".count))
        if path.hasPrefix("//") { path.removeFirst(2) }
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            .joined(separator: "/")
        let parent = directory.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : directory
        guard access(parent, W_OK) == 0 else {
            throw Failure(
                description: "cannot open database \(url): directory '\(parent)' "
                    + (access(parent, F_OK) == 0 ? "is not writable" : "does not exist"))
        }
    }
}
