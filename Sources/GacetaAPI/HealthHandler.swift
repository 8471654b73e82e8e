import GacetaCore

/// `GET /health`: is this worker alive, what is it running.
enum HealthHandler {
    struct Body: Encodable {
        let status: String
        let version: String
        let profile: String
        let pid: Int32
        let uptimeSeconds: Double
    }

    static func respond(context: ServiceContext) -> Response {
        let uptime = ContinuousClock.now - context.startedAt
        let seconds = Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18
        var response = Response.json(
            Body(
                status: "ok", version: GacetaVersion.string, profile: context.profile, pid: context.pid,
                uptimeSeconds: (seconds * 1000).rounded() / 1000))
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
