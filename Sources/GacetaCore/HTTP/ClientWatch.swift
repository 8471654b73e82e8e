import Synchronization

/// Whether the client of the request being answered is still there. The server that answers requests sets a
/// check while it answers one (the FastCGI worker polls nginx's connection for a hang-up: nginx closes it when
/// its client leaves); long work, such as a model's answer, asks `isGone` now and then and gives up when it says
/// so (throwing `ClientGone`). One per worker process, shared between the worker and what it wires.
public final class ClientWatch: Sendable {
    private let check = Mutex<(@Sendable () -> Bool)?>(nil)

    public init() {}

    /// Watches one request's client with `isGone` until `end()`.
    public func begin(_ isGone: @escaping @Sendable () -> Bool) {
        check.withLock { $0 = isGone }
    }

    /// The request is answered: nothing to watch.
    public func end() {
        check.withLock { $0 = nil }
    }

    /// True when the client of the request being answered has left (false between requests).
    public var isGone: Bool {
        check.withLock { $0 }?() ?? false
    }
}

/// The client left before its answer was ready: the work for it stopped. Nothing reads the response, but it is
/// logged with nginx's status for this case.
public struct ClientGone: Error, HTTPResponseError, Equatable {
    public init() {}
    public var status: Int { 499 }
    public var code: String { "client_closed_request" }
    public var publicMessage: String { "the client closed the connection before the answer was ready" }
    public var hasInternalDetail: Bool { false }
}
