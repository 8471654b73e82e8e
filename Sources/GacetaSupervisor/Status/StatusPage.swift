import GacetaScoreboard

/// Renders a `PoolSnapshot` like PHP-FPM's `pm.status_path` (text, `?json`, `?full`) and as Prometheus metrics.
public enum StatusPage {
    public static func text(_ snapshot: PoolSnapshot, full: Bool) -> String {
        var lines = summary(snapshot).map { key, value in
            key + ":" + String(repeating: " ", count: max(1, 22 - key.count)) + value
        }
        if full {
            for worker in snapshot.workers {
                lines.append("")
                lines.append("************************")
                for (key, value) in row(worker) {
                    lines.append(key + ":" + String(repeating: " ", count: max(1, 22 - key.count)) + value)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ snapshot: PoolSnapshot, full: Bool) -> String {
        var fields = summary(snapshot).map { key, value in
            "\"\(key)\":" + (Int64(value) != nil ? value : "\"\(escape(value))\"")
        }
        if full {
            let processes = snapshot.workers.map { worker in
                "{"
                    + row(worker).map { key, value in
                        "\"\(key)\":"
                            + (Double(value) != nil && key != "request method" ? value : "\"\(escape(value))\"")
                    }.joined(separator: ",") + "}"
            }
            fields.append("\"processes\":[" + processes.joined(separator: ",") + "]")
        }
        return "{" + fields.joined(separator: ",") + "}\n"
    }

    public static func metrics(_ snapshot: PoolSnapshot) -> String {
        var text = ""
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(String, String)]) {
            text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for (labels, value) in samples { text += "\(name)\(labels) \(value)\n" }
        }
        metric(
            "gacetachat_requests_total", "counter", "Requests accepted by all workers since the master started.",
            [("", String(snapshot.acceptedRequests))])
        metric(
            "gacetachat_workers", "gauge", "Worker processes by state.",
            [
                ("{state=\"idle\"}", String(snapshot.idle)), ("{state=\"busy\"}", String(snapshot.active)),
                ("{state=\"starting\"}", String(snapshot.workers.filter { $0.state == .starting }.count)),
            ])
        metric(
            "gacetachat_slow_requests_total", "counter", "Requests that ran past request_slowlog_timeout.",
            [("", String(snapshot.statistics.slowRequests))])
        metric(
            "gacetachat_terminated_requests_total", "counter",
            "Requests whose worker was ended at request_terminate_timeout.",
            [("", String(snapshot.statistics.terminatedRequests))])
        let counters = snapshot.requestCounters.sorted { $0.key < $1.key }
        metric(
            "gacetachat_http_requests_total", "counter", "Requests answered by the workers, by route and status.",
            counters.map { key, counts in
                ("{route=\"\(label(key.route))\",status=\"\(key.status)\"}", String(counts.count))
            })
        text += histogram(counters)
        metric(
            "gacetachat_max_children_reached_total", "counter",
            "Times a connection waited with every worker busy and pm.max_children reached.",
            [("", String(snapshot.maxChildrenReached))])
        let causes = ["crash", "max_requests", "memory_limit", "request_terminate_timeout"]
        metric(
            "gacetachat_worker_restarts_total", "counter", "Workers replaced, by cause.",
            causes.map { ("{cause=\"\($0)\"}", String(snapshot.statistics.restarts[$0, default: 0])) })
        metric(
            "gacetachat_uptime_seconds", "gauge", "Seconds since the master started.",
            [("", String(snapshot.startSince))])
        return text
    }

    /// `gacetachat_http_request_duration_seconds`, one histogram per route (statuses summed).
    private static func histogram(
        _ counters: [(key: RequestCounters.Key, value: RequestCounters.Counts)]
    ) -> String {
        let name = "gacetachat_http_request_duration_seconds"
        var text = "# HELP \(name) Time from the request's start to its last byte written, by route.\n"
        text += "# TYPE \(name) histogram\n"
        var byRoute: [String: RequestCounters.Counts] = [:]
        for (key, counts) in counters { byRoute[key.route, default: .init()] += counts }
        for (route, counts) in byRoute.sorted(by: { $0.key < $1.key }) {
            let routeLabel = "route=\"\(label(route))\""
            var cumulative: UInt64 = 0
            for (bound, count) in zip(RequestCounters.bucketBounds, counts.buckets) {
                cumulative &+= count
                text += "\(name)_bucket{\(routeLabel),le=\"\(bound)\"} \(cumulative)\n"
            }
            text += "\(name)_bucket{\(routeLabel),le=\"+Inf\"} \(counts.count)\n"
            text += "\(name)_sum{\(routeLabel)} \(Double(counts.durationMicroseconds) / 1_000_000)\n"
            text += "\(name)_count{\(routeLabel)} \(counts.count)\n"
        }
        return text
    }

    /// A Prometheus label value: backslash, double quote and newline escaped.
    private static func label(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    private static func summary(_ snapshot: PoolSnapshot) -> [(String, String)] {
        [
            ("pool", snapshot.pool), ("process manager", snapshot.processManager), ("start time", snapshot.startTime),
            ("start since", String(snapshot.startSince)), ("accepted conn", String(snapshot.acceptedRequests)),
            ("idle processes", String(snapshot.idle)), ("active processes", String(snapshot.active)),
            ("total processes", String(snapshot.workers.count)), ("max active processes", String(snapshot.maxActive)),
            ("max children reached", String(snapshot.maxChildrenReached)),
            ("slow requests", String(snapshot.statistics.slowRequests)),
            ("terminated requests", String(snapshot.statistics.terminatedRequests)),
        ]
    }

    private static func row(_ worker: PoolSnapshot.WorkerRow) -> [(String, String)] {
        let state: String =
            switch worker.state {
            case .busy: "Running"
            case .idle: "Idle"
            case .starting: "Starting"
            case .exiting: "Finishing"
            case .free: "Free"
            }
        return [
            ("pid", String(worker.pid)), ("state", state), ("requests", String(worker.requests)),
            ("request duration", String(Int(worker.requestDuration * 1000))), ("request method", worker.method),
            ("request URI", worker.uri), ("last request memory", String(worker.memory)),
        ]
    }

    private static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case let c where c.value < 0x20:
                result +=
                    "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count)
                    + String(c.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
