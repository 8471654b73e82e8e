/// One view of a request's path. nginx chooses a location (its limits, its allow-list, its cache) on its own
/// normalised path, `$uri`, which it passes as `DOCUMENT_URI`: percent-decoded, repeated slashes merged, dot
/// segments resolved. The app routes on that same path, and refuses a request whose raw target reads as another
/// path, so that no spelling (`%2F`, `/./`, `..`) reaches a route under another location's rules.
public enum RequestPath {
    /// `raw` (the path of a request target as the client sent it) read the way nginx reads it: percent-decoded
    /// (malformed escapes are a 400), repeated slashes merged, `.` and `..` segments resolved; a trailing slash
    /// stays.
    public static func normalised(_ raw: Substring) throws(HTTPError) -> String {
        let decoded = try QueryString.decode(raw, plusIsSpace: false)
        var kept: [Substring] = []
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (offset, segment) in segments.enumerated() {
            let isLast = offset == segments.count - 1
            switch segment {
            case "..":
                _ = kept.popLast()
                if isLast { kept.append("") }
            case ".":
                if isLast { kept.append("") }
            case "" where !isLast:
                continue
            default:
                kept.append(segment)
            }
        }
        return "/" + kept.joined(separator: "/")
    }

    /// Without nginx (spawn-fcgi, a test client): the raw path decoded segment by segment, empty and dot segments
    /// kept for the router to refuse. A segment that decodes to hold a `/` names no route: 404.
    public static func decodedSegments(_ raw: Substring) throws(HTTPError) -> String {
        var decoded: [String] = []
        for segment in raw.split(separator: "/", omittingEmptySubsequences: false) {
            let text = try QueryString.decode(segment, plusIsSpace: false)
            guard !text.contains("/") else {
                throw HTTPError.notFound("no such resource: a path segment may not hold an encoded '/'")
            }
            decoded.append(text)
        }
        return decoded.joined(separator: "/")
    }
}
