import Foundation

/// One GET through nginx on its own thread, for requests that hold a worker (the testing profile's
/// `/api/v1/testing/sleep`) while the test does something else.
public final class BackgroundRequest: @unchecked Sendable {
    private let status = LockedBox<Int?>(nil)
    private let thread: Thread

    public init(stack: Stack, path: String) {
        let url = "https://127.0.0.1:\(stack.httpsPort)\(path)"
        let caPath = stack.caPath
        let status = status
        thread = Thread {
            let result = try? Shell.run(
                "curl", ["-s", "--cacert", caPath, "-o", "/dev/null", "-w", "%{http_code}", url])
            status.value = Int(result?.stdout ?? "") ?? 0
        }
        thread.start()
    }

    /// `count` requests to the testing profile's sleep route, each holding a worker for `seconds`.
    public static func sleepers(_ stack: Stack, count: Int, seconds: Int) -> [BackgroundRequest] {
        (0..<count).map { _ in BackgroundRequest(stack: stack, path: "/api/v1/testing/sleep?seconds=\(seconds)") }
    }

    public var isFinished: Bool { thread.isFinished }

    /// Waits for the answer; its HTTP status, 0 when curl failed.
    @discardableResult
    public func wait() -> Int {
        while !thread.isFinished { usleep(20_000) }
        return status.value ?? 0
    }
}
