import Logging

/// Maps method + path to a handler; answers 404, 405 and every error as JSON.
/// Not `Sendable`: a worker is single-threaded and handlers hold its database connection.
public struct Router {
    public typealias Handler = (Request, RouteParameters) throws -> Response

    private struct Route {
        let method: String
        let pattern: RoutePattern
        let handler: Handler
        /// The path holds a secret (a conversation id): logs show the pattern instead.
        let pathIsSecret: Bool
    }

    private var routes: [Route] = []
    /// `server.debug` outside production: a 500 carries the underlying error's description as `error.detail`.
    public var showsErrorDetail = false

    public init() {}

    /// The pattern of the secret-holding route (`pathIsSecret`) that `target` (a raw request target, as
    /// `REQUEST_URI`) names, whatever its spelling; nil when it names none.
    public func secretPattern(of target: String) -> String? {
        let raw = target.prefix { $0 != "?" }
        guard let path = try? RequestPath.normalised(raw), let segments = try? RoutePattern.segments(of: path) else {
            return nil
        }
        return routes.first { $0.pathIsSecret && $0.pattern.match(segments) != nil }?.pattern.text
    }

    /// Every registered route as (method, pattern), in registration order: what nginx's locations and the
    /// OpenAPI description must cover.
    public var table: [(method: String, pattern: String)] { routes.map { ($0.method, $0.pattern.text) } }

    /// Registers `handler` for `method` on `pattern` (`/api/v1/documents/{id}`).
    /// `pathIsSecret`: the path's parameters act as access keys (conversation ids); the request log shows the
    /// pattern, never the path.
    public mutating func add(
        _ method: String, _ pattern: String, pathIsSecret: Bool = false, _ handler: @escaping Handler
    ) {
        routes.append(
            Route(
                method: method.uppercased(), pattern: RoutePattern(pattern), handler: handler,
                pathIsSecret: pathIsSecret))
    }

    public mutating func get(_ pattern: String, pathIsSecret: Bool = false, _ handler: @escaping Handler) {
        add("GET", pattern, pathIsSecret: pathIsSecret, handler)
    }
    public mutating func post(_ pattern: String, _ handler: @escaping Handler) { add("POST", pattern, handler) }

    /// Routes `request`; never throws: errors become JSON responses, unexpected ones a logged 500. The response
    /// carries the pattern of the route that answered, for metrics.
    public func respond(to request: Request, logger: Logger) -> Response {
        let segments: [String]
        do {
            segments = try RoutePattern.segments(of: request.path)
        } catch {
            return Response.error(error)
        }
        var allowed: [String] = []
        for route in routes {
            guard let parameters = route.pattern.match(segments) else { continue }
            if route.method == request.method || (route.method == "GET" && request.method == "HEAD") {
                var response: Response
                do {
                    response = try route.handler(request, parameters)
                } catch {
                    response = Self.failure(error, of: request, logger: logger, detail: showsErrorDetail)
                }
                response.route = route.pattern.text
                response.pathIsSecret = route.pathIsSecret
                return response
            }
            allowed.append(route.method)
        }
        if allowed.isEmpty {
            return Response.error(HTTPError.notFound("no such resource: \(request.path)"))
        }
        if allowed.contains("GET") { allowed.append("HEAD") }
        return Response.error(HTTPError.methodNotAllowed(request.method, path: request.path, allowed: allowed))
    }

    /// The error's own status and public message for the client; its internal detail (a store's message, anything
    /// that does not choose a status) only for the log, and, with `detail` (`server.debug`), in a 500's
    /// `error.detail`.
    private static func failure(_ error: any Error, of request: Request, logger: Logger, detail: Bool) -> Response {
        let metadata: Logger.Metadata = [
            "method": "\(request.method)", "path": "\(request.path)", "request_id": "\(request.requestID ?? "-")",
        ]
        guard let chosen = error as? any HTTPResponseError else {
            logger.error("unhandled error: \(error)", metadata: metadata)
            return Response.error(HTTPError.internalError, detail: detail ? String(describing: error) : nil)
        }
        if chosen.hasInternalDetail && chosen.status == 500 {
            logger.error("unhandled error: \(chosen)", metadata: metadata)
        } else if chosen.hasInternalDetail {
            logger.warning("\(chosen.status) \(chosen.code): \(chosen)", metadata: metadata)
        }
        let shown = detail && chosen.status == 500 && chosen.hasInternalDetail ? String(describing: chosen) : nil
        return Response.error(chosen, detail: shown)
    }
}
