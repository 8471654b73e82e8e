import GacetaCore

/// What handlers need to know about the process they run in.
public struct ServiceContext: Sendable {
    public let profile: String
    public let pid: Int32
    public let startedAt: ContinuousClock.Instant

    public init(profile: String, pid: Int32, startedAt: ContinuousClock.Instant = .now) {
        self.profile = profile
        self.pid = pid
        self.startedAt = startedAt
    }
}

/// Every route of the service.
public enum API {
    public static func router(context: ServiceContext) -> Router {
        var router = Router()
        router.get("/health") { _, _ in HealthHandler.respond(context: context) }
        return router
    }
}
