import GacetaCore
import Glibc

/// The worker's database connection, opened at start, as the narrow protocols each handler asks for (the command
/// line passes the same store for each).
public struct StoreServices {
    public let search: any SearchIndex
    public let catalogue: any EditionCatalogue
    public let administration: any StoreAdministration
    public let maintenance: any StoreMaintenance
    /// The last `gacetachat fetch`, shown by `/health`.
    public let fetchLog: (any FetchLog)?
    /// Daily summaries; nil leaves their route out.
    public var summaries: (any SummaryStore)?
    /// Editions by date range (the calendar); nil leaves `?from=&to=` unanswered.
    public var calendar: (any EditionCalendar)?

    public init(
        search: any SearchIndex, catalogue: any EditionCatalogue, administration: any StoreAdministration,
        maintenance: any StoreMaintenance, fetchLog: (any FetchLog)? = nil, summaries: (any SummaryStore)? = nil,
        calendar: (any EditionCalendar)? = nil
    ) {
        self.search = search
        self.catalogue = catalogue
        self.administration = administration
        self.maintenance = maintenance
        self.fetchLog = fetchLog
        self.summaries = summaries
        self.calendar = calendar
    }
}

/// What handlers need to know about the process they run in.
public struct ServiceContext {
    public let profile: String
    public let pid: Int32
    public let startedAt: ContinuousClock.Instant
    /// The worker's database connection, opened at start.
    public let store: StoreServices?
    public let chat: ChatContext?
    /// `storage.files_dir`: the kept PDFs that nginx sends for `/api/v1/documents/{id}/pdf`.
    public let filesDirectory: String?
    /// `server.cache_ttl` in seconds (0: nginx caches nothing).
    public let cacheSeconds: Int
    /// The admin API (`/api/v1/admin/…`); nil leaves it out.
    public let admin: AdminContext?
    /// `server.debug`: 500 responses carry the underlying error's description (never in production).
    public var debug = false

    public init(
        profile: String, pid: Int32, startedAt: ContinuousClock.Instant = .now, store: StoreServices? = nil,
        chat: ChatContext? = nil, filesDirectory: String? = nil, cacheSeconds: Int = 0, admin: AdminContext? = nil
    ) {
        self.cacheSeconds = cacheSeconds
        self.admin = admin
        self.profile = profile
        self.pid = pid
        self.startedAt = startedAt
        self.store = store
        self.chat = chat
        self.filesDirectory = filesDirectory
    }
}

/// Every route of the service.
public enum API {
    public static func router(context: ServiceContext) -> Router {
        var router = Router()
        router.showsErrorDetail = context.debug && context.profile != "production"
        router.get("/health") { _, _ in HealthHandler.respond(context: context) }
        router.get(OpenAPIDocument.path) { _, _ in OpenAPIDocument.response() }
        if context.profile == "testing" {
            // Only in the testing profile: a request that fails the way a bug would, to see the 500 it gets.
            router.get("/api/v1/testing/fail") { _, _ in throw TestingFailure() }
            // Only in the testing profile: a request that takes as long as asked, to exercise timeouts.
            router.get("/api/v1/testing/sleep") { request, _ in
                let seconds = Double(try request.query("seconds") ?? "1") ?? 1
                usleep(UInt32(min(max(seconds, 0), 60) * 1_000_000))
                return Response.json(["slept": seconds])
            }
        }
        if let store = context.store {
            GazetteHandlers(
                search: store.search, catalogue: store.catalogue, filesDirectory: context.filesDirectory,
                cacheSeconds: context.cacheSeconds, calendar: store.calendar
            )
            .register(on: &router)
            if let summaries = store.summaries {
                SummaryHandlers(summaries: summaries, catalogue: store.catalogue, cacheSeconds: context.cacheSeconds)
                    .register(on: &router)
            }
            if let chat = context.chat {
                ChatHandler(context: chat).register(on: &router)
            }
            if let admin = context.admin {
                AdminHandler(store: store.administration, context: admin).register(on: &router)
            }
        }
        return router
    }
}

/// The error of the testing profile's `/api/v1/testing/fail`: not an `HTTPError`, so it is a logged 500.
struct TestingFailure: Error, CustomStringConvertible {
    var description: String { "testing failure: /api/v1/testing/fail always fails" }
}
