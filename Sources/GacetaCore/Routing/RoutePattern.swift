/// A path pattern such as `/api/v1/documents/{id}`: literal segments and named parameters.
struct RoutePattern: Sendable {
    private enum Segment: Sendable {
        case literal(String)
        case parameter(String)
    }

    private let segments: [Segment]
    /// The pattern as registered.
    let text: String

    init(_ pattern: String) {
        text = pattern
        segments = pattern.split(separator: "/").map { part in
            if part.hasPrefix("{") && part.hasSuffix("}") {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(String(part))
        }
    }

    /// The segments of a request path (already decoded: `Request.path`). A trailing slash, an empty segment, `.`
    /// or `..` names no route: 404, before any handler (or token check) runs.
    static func segments(of path: String) throws(HTTPError) -> [String] {
        guard path != "/" else { return [] }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.first == "", parts.count > 1,
            parts.dropFirst().allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
        else {
            throw HTTPError.notFound("no such resource: \(path.prefix(200))")
        }
        return parts.dropFirst().map(String.init)
    }

    func match(_ path: [String]) -> RouteParameters? {
        guard path.count == segments.count else { return nil }
        var values: [String: String] = [:]
        for (segment, actual) in zip(segments, path) {
            switch segment {
            case .literal(let literal) where literal == actual: continue
            case .literal: return nil
            case .parameter(let name): values[name] = actual
            }
        }
        return RouteParameters(values: values)
    }
}

/// The values of a route's `{name}` segments, decoded.
public struct RouteParameters: Sendable {
    public let values: [String: String]

    public subscript(name: String) -> String? { values[name] }
}
