import Foundation

/// Clients that keep requesting one path through nginx until stopped, each curl call a fresh connection over
/// HTTP/1.1, so every request is a new FastCGI request to the pool. Collects every status (0 = curl failed).
public final class LoadClients: @unchecked Sendable {
    private let statuses = LockedBox<[Int]>([])
    private let done = LockedBox(false)
    private var threads: [Thread] = []

    public init(stack: Stack, path: String = "/health", clients: Int = 3) {
        let url = "https://127.0.0.1:\(stack.httpsPort)\(path)"
        let caPath = stack.caPath
        let statuses = statuses
        let done = done
        threads = (0..<clients).map { _ in
            Thread {
                while !done.value {
                    let result = try? Shell.run(
                        "curl",
                        [
                            "-s", "--http1.1", "--cacert", caPath, "--max-time", "30", "-w", "%{http_code}\n",
                        ]
                            // One `-o` per URL: a single `-o` sends only the first body away, and the others
                            // land on stdout beside the status codes.
                            + Array(repeating: [url, "-o", "/dev/null"], count: 5).flatMap { $0 })
                    let codes = (result?.stdout ?? "").split(separator: "\n").compactMap { Int($0) }
                    statuses.mutate { $0 += codes.isEmpty ? [0] : codes }
                }
            }
        }
        threads.forEach { $0.start() }
    }

    /// Requests answered so far.
    public var count: Int { statuses.value.count }

    /// Stops the clients and returns every status they saw.
    public func stop() -> [Int] {
        done.value = true
        while threads.contains(where: { !$0.isFinished }) { usleep(10_000) }
        return statuses.value
    }
}
