import ArgumentParser
import GacetaAPI
import GacetaConfig
import GacetaCore
import GacetaFastCGI
import GacetaScoreboard
import GacetaStore
import GacetaSupervisor
import GacetaSystem
import Glibc
import Logging

struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve FastCGI requests from the listening socket on fd 0 (started by 'serve', or by spawn-fcgi).")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let configuration: Configuration
        do {
            configuration = try options.load()
        } catch {
            printError("worker \(getpid()): configuration error:\n\(error)")
            throw ExitCode(WorkerExitCode.configuration)  // the master stops instead of respawning
        }
        let settings = configuration.settings
        var logger = Logger(label: "gacetachat.worker")
        logger.logLevel = Logger.Level(settings.log.level)
        logger[metadataKey: "pid"] = "\(getpid())"
        let store: any Store
        do {
            try FastCGIWorker.checkListenDescriptor()
            store = try StoreFactory.open(
                url: settings.database.url, requireCurrentSchema: true, searchTimeout: settings.search.timeout)
            if let unavailable = try Self.unavailability(of: store) {
                // PostgreSQL is down: serve 503s (and /health says so) and connect when it answers.
                logger.warning("database unavailable at start, answering 503 until it answers: \(unavailable)")
            }
        } catch {
            printError("worker \(getpid()) failed to boot: \(error)")
            throw ExitCode(WorkerExitCode.configuration)  // the master stops instead of respawning
        }

        let clientWatch = ClientWatch()
        let router = API.router(
            context: ServiceFactory.context(settings: settings, store: store, clientWatch: clientWatch))
        var maxRequests: Int?
        if settings.pool.maxRequests > 0 {
            maxRequests = settings.pool.maxRequests + Int.random(in: 0...settings.pool.maxRequestsJitter)
        }
        let maxMemory = settings.pool.maxWorkerMemory > 0 ? settings.pool.maxWorkerMemory : nil
        var worker = FastCGIWorker(
            maxBodySize: settings.server.maxBodySize, maxRequests: maxRequests, maxMemory: maxMemory, logger: logger
        ) { request in
            router.respond(to: request, logger: logger)
        }
        if let file = settings.log.file {
            worker.onReopenLogs = { try? LogFile.redirectStandardError(to: file) }
        }
        worker.statusURI = { target in router.secretPattern(of: target) ?? target }
        worker.clientWatch = clientWatch
        worker.slot = Self.scoreboardSlot()
        worker.slot?.becomeIdle()
        worker.logRequests = logger.logLevel <= .info
        worker.uploadLimit = ("/api/v1/admin/", settings.server.maxUploadSize)
        Self.reportReady()
        let stop: FastCGIWorker.Stop
        do {
            stop = try worker.run()
        } catch {
            logger.error("\(error)")
            throw ExitCode.failure
        }
        switch stop {
        case .signal, .maxRequests:
            return
        case .memoryLimit(let bytes):
            logger.notice(
                "worker \(getpid()) uses \(bytes / 1024) KiB, more than pool.max_worker_memory; exiting to be replaced")
            throw ExitCode(WorkerExitCode.memoryLimit)
        }
    }

    /// Nil when the store answers; its error when the database cannot be reached; other errors are thrown.
    private static func unavailability(of store: any Store) throws(StoreError) -> StoreError? {
        do {
            try store.ping()
            return nil
        } catch {
            guard error.kind == .unavailable else { throw error }
            return error
        }
    }

    /// The row the master gave this worker (`WorkerContract`'s scoreboard variables); none under spawn-fcgi.
    private static func scoreboardSlot() -> ScoreboardSlot? {
        guard let fdText = getenv(WorkerContract.scoreboardDescriptorVariable), let fd = Int32(String(cString: fdText)),
            let slotText = getenv(WorkerContract.scoreboardSlotVariable), let index = Int(String(cString: slotText)),
            (0..<Scoreboard.slotCount).contains(index), let board = try? Scoreboard(descriptor: fd)
        else { return nil }
        // The mapping lives as long as the process; the board object need not.
        return board.retainedSlot(index)
    }

    /// Tells the master this worker can serve (`WorkerContract.readyLine` on the fd it announced), then closes it.
    private static func reportReady() {
        guard let value = getenv(WorkerContract.readyDescriptorVariable), let fd = Int32(String(cString: value))
        else { return }
        try? System.writeAll(fd, Array(WorkerContract.readyLine(pid: getpid()).utf8))
        close(fd)
    }
}
