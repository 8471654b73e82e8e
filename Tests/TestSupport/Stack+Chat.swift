import Foundation

/// One server-sent event as a client reads it: its name and its data lines joined.
public struct ServerSentEvent: Sendable {
    public let name: String
    public let data: String

    /// The data as a JSON object.
    public func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else {
            throw TestSupportError("event \(name): data is not a JSON object: \(data.prefix(200))")
        }
        return object
    }

    /// The events of a `text/event-stream` body, in order (comments and events without a name are skipped).
    public static func events(in body: String) -> [ServerSentEvent] {
        body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n").compactMap { block in
            var name: String?
            var data: [String] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("event:") {
                    name = line.dropFirst("event:".count).trimmingCharacters(in: .whitespaces)
                } else if line.hasPrefix("data:") {
                    let value = line.dropFirst("data:".count)
                    data.append(String(value.first == " " ? value.dropFirst() : value))
                }
            }
            return name.map { ServerSentEvent(name: $0, data: data.joined(separator: "\n")) }
        }
    }
}

extension Stack {
    /// `POST /api/v1/chat` with `body` as JSON, through nginx.
    public func chat(_ body: [String: String], _ extra: [String] = []) throws -> HTTPResult {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        return try get(
            "/api/v1/chat", ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", json] + extra)
    }

    /// `POST /api/v1/chat` asking for `text/event-stream`, through nginx: the events as they arrived.
    public func chatEvents(_ body: [String: String]) throws -> [ServerSentEvent] {
        let result = try chat(body, ["-N", "-H", "Accept: text/event-stream"])
        guard result.status == 200, result.headers["content-type"]?.hasPrefix("text/event-stream") == true else {
            throw TestSupportError("not an event stream (\(result.status), \(result.headers)): \(result.body)")
        }
        return ServerSentEvent.events(in: result.body)
    }
}

/// The citation markers of an answer: every `[n]` (and each number of `[n, m]`).
public func citationMarkers(_ text: String) -> Set<Int> {
    var found: Set<Int> = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "[") {
        let after = rest[rest.index(after: open)...]
        if let close = after.firstIndex(of: "]") {
            for item in after[..<close].split(separator: ",") {
                if let number = Int(item.trimmingCharacters(in: .whitespaces)) { found.insert(number) }
            }
        }
        rest = after
    }
    return found
}
