import ArgumentParser
import GacetaConfig

/// `gacetachat health`: a container health check for a pool that speaks only FastCGI.
struct Health: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask the running pool for GET /health over FastCGI; exit 0 when it answers 200.",
        discussion: """
            For container health checks (Dockerfile HEALTHCHECK, Kubernetes probes): the pool speaks only \
            FastCGI. /health answers 503 while the database is unavailable. --liveness asks the master's \
            status socket instead (pool.status_listen, by default beside server.listen) and ignores the \
            database, so that a PostgreSQL outage, which the workers ride out by themselves, does not get \
            the container restarted.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(help: "The pool's FastCGI socket: unix:/path.sock or host:port (default: server.listen).")
    var listen: String?

    @Flag(help: "Ask the master's status socket (is the pool alive?) instead of a worker's /health (ready?).")
    var liveness = false

    @Option(help: "Seconds to wait for the connection and the answer.")
    var timeout = 5

    func validate() throws {
        if let listen, ListenAddress(parsing: listen) == nil {
            throw ValidationError("--listen '\(listen)' is not unix:PATH, /path.sock or host:port")
        }
        guard (1...300).contains(timeout) else { throw ValidationError("--timeout must be 1 to 300 seconds") }
    }

    func run() throws {
        var extra: [CommandLineOverride] = []
        if let listen { extra.append(CommandLineOverride(key: "server.listen", value: listen, flag: "--listen")) }
        let settings: Settings
        do {
            settings = try options.load(extra: extra).settings
        } catch {
            printError("configuration error:\n\(error)")
            throw ExitCode(78)
        }
        guard let address = liveness ? settings.statusAddress : settings.server.listen else {
            printError("health: pool.status_listen is not unix:PATH or HOST:PORT")
            throw ExitCode(78)
        }
        do {
            let answer = try FastCGIProbe.get(liveness ? "/status?json" : "/health", from: address, timeout: timeout)
            print("\(answer.status) \(answer.body.prefix(400))")
            if answer.status != 200 { throw ExitCode.failure }
        } catch let failure as FastCGIProbe.Failure {
            printError("health: \(failure)")
            throw ExitCode.failure
        }
    }
}
