import GacetaCore
import GacetaSystem
import Glibc

/// `GET /health`: is this worker alive, what is it running, does its database answer.
/// 503 when the database does not, so a load balancer can route around this host. The last fetch is shown (its
/// newest date, that date's state, when it ended) and never changes the status.
enum HealthHandler {
    struct Fetch: Encodable {
        let date: String?
        let state: String?
        let finishedAt: String

        var object: JSONObjectWriter {
            var object = JSONObjectWriter()
            object.field("date", date)
            object.field("finished_at", finishedAt)
            object.field("state", state)
            return object
        }
    }

    struct Body: Encodable {
        let status: String
        let version: String
        let profile: String
        let pid: Int32
        let uptimeSeconds: Double
        let database: String?
        let fetch: Fetch?

        /// What `JSON.encode(self)` writes, written directly: the encoder was a third of a worker's time on
        /// `/health` (issue 21's bench/hello).
        var json: [UInt8] {
            var object = JSONObjectWriter()
            object.field("database", database)
            object.field("fetch", fetch?.object)
            object.field("pid", Int(pid))
            object.field("profile", profile)
            object.field("status", status)
            object.field("uptime_seconds", uptimeSeconds)
            object.field("version", version)
            return object.finished()
        }
    }

    static func respond(context: ServiceContext) -> Response {
        let uptime = ContinuousClock.now - context.startedAt
        let seconds = Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18
        var database: String?
        if let store = context.store {
            do {
                try store.maintenance.ping()
                database = "ok"
            } catch {
                database = "unavailable"
            }
        }
        let healthy = database != "unavailable"
        var fetch: Fetch?
        if healthy, let run = try? context.store?.fetchLog?.lastFetchRun() {
            fetch = Fetch(
                date: run.lastDate, state: run.lastState?.rawValue,
                finishedAt: Timestamp.iso8601(secondsSinceEpoch: time_t(run.finishedAt)))
        }
        let body = Body(
            status: healthy ? "ok" : "degraded", version: GacetaVersion.string, profile: context.profile,
            pid: context.pid, uptimeSeconds: (seconds * 1000).rounded() / 1000, database: database, fetch: fetch)
        var response = Response.json(body.json, status: healthy ? 200 : 503)
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
