import ArgumentParser
import GacetaConfig
import GacetaCore
import GacetaStore
import GacetaSupervisor
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the master: open the FastCGI socket and keep a pool of worker processes.",
        discussion: """
            Signals: TERM/INT stop now; QUIT stops after the requests in flight; HUP re-reads the
            configuration and replaces every worker, new ones first; TTIN/TTOU add/remove a worker.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(help: "Number of worker processes (pool.workers).")
    var workers: Int?

    @Option(help: "FastCGI socket: unix:/path.sock or host:port (server.listen).")
    var listen: String?

    func validate() throws {
        if let workers, !(1...PoolPolicy.maximumWorkers).contains(workers) {
            throw ValidationError("--workers must be between 1 and \(PoolPolicy.maximumWorkers), not \(workers)")
        }
    }

    private var extraOverrides: [CommandLineOverride] {
        var extra: [CommandLineOverride] = []
        if let workers {
            extra.append(CommandLineOverride(key: "pool.workers", value: String(workers), flag: "--workers"))
        }
        if let listen { extra.append(CommandLineOverride(key: "server.listen", value: listen, flag: "--listen")) }
        return extra
    }

    /// A PostgreSQL server that does not answer (a SQLite file that cannot be opened is a setup error).
    private static func isUnreachableServer(_ error: any Error, url: String) -> Bool {
        (error as? StoreError)?.kind == .unavailable && !url.hasPrefix("sqlite:")
    }

    func run() throws {
        let configuration: Configuration
        do {
            configuration = try options.load(extra: extraOverrides)
        } catch {
            printError("configuration error:\n\(error)")
            throw ExitCode(78)  // EX_CONFIG
        }
        let settings = configuration.settings
        if let file = settings.log.file {
            do {
                try LogFile.redirectStandardError(to: file)
            } catch {
                printError("cannot open log.file: \(error)")
                throw ExitCode.failure
            }
        }
        var logger = Logger(label: "gacetachat.master")
        logger.logLevel = Logger.Level(settings.log.level)
        logger.info(
            "profile \(settings.profile.rawValue), configuration \(configuration.file ?? "(built-in defaults)")")

        if settings.profile != .production {
            // Development and testing keep the schema current by themselves; production runs `migrate`.
            do {
                let applied = try StoreFactory.open(url: settings.database.url).migrate()
                if !applied.isEmpty { logger.notice("database migrated to version \(applied.last ?? 0)") }
            } catch  where Self.isUnreachableServer(error, url: settings.database.url) {
                // The workers start anyway, answer 503 and connect when the server answers.
                logger.warning("database unavailable, not migrated: \(error)")
            } catch {
                printError("cannot prepare the database: \(error)")
                throw ExitCode.failure
            }
        }

        let environment = ProcessInfo.processInfo.environment
        let socket: ListeningSocket
        do {
            if let inherited = ListeningSocket.fromSystemd(environment: environment, address: settings.server.listen) {
                socket = inherited
                logger.info("using the socket passed by systemd (fd 3)")
            } else {
                socket = try ListeningSocket.open(
                    settings.server.listen, owner: settings.server.socketOwner, group: settings.server.socketGroup,
                    mode: settings.server.socketMode, backlog: settings.pool.listenBacklog)
            }
        } catch {
            printError("cannot listen on \(settings.server.listen): \(error)")
            throw ExitCode.failure
        }

        guard let statusAddress = settings.statusAddress else {
            socket.close()
            printError("pool.status_listen '\(settings.pool.statusListen ?? "")' is not unix:PATH or HOST:PORT")
            throw ExitCode(78)
        }
        let statusSocket: ListeningSocket
        do {
            statusSocket = try ListeningSocket.open(
                statusAddress, owner: settings.server.socketOwner, group: settings.server.socketGroup,
                mode: settings.server.socketMode, backlog: 64)
        } catch {
            socket.close()
            printError("cannot listen on pool.status_listen \(statusAddress): \(error)")
            throw ExitCode.failure
        }

        var workerArguments = ["worker"] + options.forwardedArguments
        for override in extraOverrides { workerArguments += ["--set", "\(override.key)=\(override.value)"] }
        let launcher = WorkerLauncher(
            executable: WorkerLauncher.currentExecutable(), arguments: workerArguments, environment: environment)
        let master = Master(
            configuration: configuration, socket: socket, statusSocket: statusSocket, launcher: launcher,
            logger: logger,
            readConfiguration: { try options.load(extra: extraOverrides) })
        let code = try master.run()
        if code != 0 { throw ExitCode(code) }
    }
}
