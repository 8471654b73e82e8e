import GacetaConfig
import GacetaScoreboard
import GacetaSystem
import Glibc
import Logging

/// `gacetachat serve`: opens the socket, runs the pool policy, performs its actions.
///
/// The loop waits in `poll` (readiness pipe + signals, 200 ms tick), then feeds the policy with
/// what happened — signals, reaped children, workers that reported ready, the passage of time.
public final class Master {
    public typealias ConfigurationReader = () throws -> Configuration

    private let socket: ListeningSocket
    private let launcher: WorkerLauncher
    private let readConfiguration: ConfigurationReader
    private var logger: Logger
    private var policy: PoolPolicy
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant
    private var readyPipe: (read: Int32, write: Int32) = (-1, -1)
    private var readyBuffer: [UInt8] = []
    private let notifier: SystemdNotifier
    private var listenAddress: ListenAddress
    private var logFile: String?
    private var slots: WorkerSlots?
    private var statusServer: StatusServer?
    private let statusSocket: ListeningSocket?
    private var slowlogTimeout: Duration
    private var terminateTimeout: Duration
    /// `fetch`'s Prometheus text file, appended to `/metrics` (the master never opens the database).
    private var fetchMetricsFile: String

    /// `statusSocket`: where the master answers `/status` and `/metrics` itself.
    public init(
        configuration: Configuration, socket: ListeningSocket, statusSocket: ListeningSocket? = nil,
        launcher: WorkerLauncher, logger: Logger, readConfiguration: @escaping ConfigurationReader
    ) {
        self.socket = socket
        self.statusSocket = statusSocket
        self.launcher = launcher
        self.logger = logger
        self.readConfiguration = readConfiguration
        let pool = configuration.settings.pool
        policy = PoolPolicy(
            sizing: PoolSizing(pool),
            timing: .init(bootTimeout: pool.bootTimeout, gracefulTimeout: pool.gracefulTimeout))
        origin = clock.now
        listenAddress = configuration.settings.server.listen
        logFile = configuration.settings.log.file
        notifier = SystemdNotifier(environment: launcher.masterEnvironment)
        slowlogTimeout = pool.requestSlowlogTimeout
        terminateTimeout = pool.requestTerminateTimeout
        fetchMetricsFile = configuration.settings.fetchMetricsFile
    }

    /// Runs until the pool stops; returns the process exit code.
    public func run() throws -> Int32 {
        MasterSignals.install()
        readyPipe = try Spawn.pipe()
        _ = fcntl(readyPipe.read, F_SETFL, O_NONBLOCK)
        defer {
            close(readyPipe.read)
            close(readyPipe.write)
            socket.close()
            statusSocket?.close()
        }
        do {
            slots = try WorkerSlots()
        } catch {
            logger.warning("\(error); running without a scoreboard (no status page, no request timeouts)")
        }
        if let statusSocket {
            statusServer = StatusServer(socket: statusSocket) { [unowned self] path, query in status(path, query) }
        }
        logger.notice("master \(getpid()) listening on \(socket.address)")
        if let code = perform(policy.handle(.start, now: elapsed)) { return code }
        while true {
            wait()
            var events: [PoolEvent] = MasterSignals.take().compactMap(Self.event(for:))
            events += reap()
            events += readReady()
            events += slots?.checkTimeouts(slowlog: slowlogTimeout, terminate: terminateTimeout) ?? []
            if let slots { events.append(.occupancy(slots.occupancy(waiting: connectionWaiting()))) }
            events.append(.tick)
            statusServer?.servePending()
            notifier.tick()
            for event in events {
                if let code = perform(policy.handle(event, now: elapsed)) { return code }
            }
        }
    }

    private var elapsed: Duration { clock.now - origin }

    /// CLOCK_MONOTONIC in microseconds, as systemd wants it with `RELOADING=1`.
    private var monotonicMicroseconds: Int64 { MonotonicClock.microseconds() }

    private func wait() {
        // Signals are delivered only inside this window; one that lands just before `poll`
        // is handled when the 200 ms tick ends it.
        var polls = [pollfd(fd: readyPipe.read, events: Int16(POLLIN), revents: 0)]
        if let statusSocket { polls.append(pollfd(fd: statusSocket.descriptor, events: Int16(POLLIN), revents: 0)) }
        // pm = ondemand with no worker to take it: wake as soon as a connection arrives. Only then, or a
        // connection that waits for a busy worker would wake this loop again and again.
        if policy.sizing.mode == .ondemand, policy.phase == .running, policy.canStartOnDemand,
            slots.map { !$0.anyIdle } ?? false
        {
            polls.append(pollfd(fd: socket.descriptor, events: Int16(POLLIN), revents: 0))
        }
        MasterSignals.unblock()
        _ = Glibc.poll(&polls, nfds_t(polls.count), 200)
        MasterSignals.block()
    }

    /// A connection is queued on the listening socket (no worker has accepted it yet).
    private func connectionWaiting() -> Bool {
        var probe = pollfd(fd: socket.descriptor, events: Int16(POLLIN), revents: 0)
        return Glibc.poll(&probe, 1, 0) > 0 && probe.revents & Int16(POLLIN) != 0
    }

    private static func event(for signal: Int32) -> PoolEvent? {
        switch signal {
        case SIGTERM, SIGINT: .signal(.fastStop)
        case SIGQUIT: .signal(.gracefulStop)
        case SIGHUP: .signal(.reload)
        case SIGTTIN: .signal(.grow)
        case SIGTTOU: .signal(.shrink)
        case SIGUSR1: .signal(.reopenLogs)
        default: nil  // SIGCHLD only wakes the loop; `reap` does the work
        }
    }

    private func reap() -> [PoolEvent] {
        var events: [PoolEvent] = []
        while true {
            guard let (pid, exit) = try? Spawn.reap() else { break }
            if let served = slots?.release(pid: pid) { logger.info("worker \(pid) served \(served) requests") }
            events.append(.exited(pid: pid, status: exit))
        }
        return events
    }

    /// Workers write `WorkerContract.readyLine` on the shared pipe once they can serve.
    private func readReady() -> [PoolEvent] {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(readyPipe.read, &chunk, chunk.count)
            guard count > 0 else { break }
            readyBuffer += chunk[0..<count]
        }
        var events: [PoolEvent] = []
        while let newline = readyBuffer.firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: readyBuffer[..<newline], as: UTF8.self)
            readyBuffer.removeSubrange(...newline)
            if let pid = WorkerContract.parseReadyLine(line) { events.append(.ready(pid: pid)) }
        }
        return events
    }

    /// Performs the actions; returns an exit code when the pool is done.
    private func perform(_ actions: [PoolAction]) -> Int32? {
        var pending = actions[...]
        while let action = pending.popFirst() {
            switch action {
            case .spawn(let generation):
                let event: PoolEvent
                do {
                    let slot = slots?.reserve()
                    let board = slots.flatMap { slots in slot.map { (slots.board.descriptor, $0) } }
                    do {
                        let pid = try launcher.spawn(
                            listenDescriptor: socket.descriptor, readyDescriptor: readyPipe.write, scoreboard: board)
                        if let slot { slots?.assign(slot, to: pid) }
                        event = .spawned(pid: pid, generation: generation)
                    } catch {
                        if let slot { slots?.unreserve(slot) }
                        throw error
                    }
                } catch {
                    event = .spawnFailed(generation: generation, message: "could not start a worker: \(error)")
                }
                pending += policy.handle(event, now: elapsed)
            case .signal(let pid, let signal):
                switch signal {
                case .quit: kill(pid, SIGQUIT)
                case .term: kill(pid, SIGTERM)
                case .kill: kill(pid, SIGKILL)
                case .reopenLogs: kill(pid, SIGUSR1)
                }
            case .reloadConfiguration:
                pending += policy.handle(reloadEvent(), now: elapsed)
            case .reopenLogs:
                reopenLog()
            case .log(let level, let message):
                log(level, message)
            case .notify(let message):
                notifier.send(
                    message.hasPrefix("RELOADING=1") ? message + "\nMONOTONIC_USEC=\(monotonicMicroseconds)" : message)
            case .exit(let code):
                return code
            }
        }
        return nil
    }

    private func reloadEvent() -> PoolEvent {
        do {
            let configuration = try readConfiguration()
            let settings = configuration.settings
            if settings.server.listen != listenAddress {
                logger.warning(
                    "server.listen changed to \(settings.server.listen); the socket \(listenAddress) stays until a restart"
                )
            }
            logger.logLevel = Logger.Level(settings.log.level)
            slowlogTimeout = settings.pool.requestSlowlogTimeout
            terminateTimeout = settings.pool.requestTerminateTimeout
            fetchMetricsFile = settings.fetchMetricsFile
            if settings.log.file != logFile {
                logFile = settings.log.file
                reopenLog()
            }
            return .configurationReloaded(PoolSizing(settings.pool))
        } catch {
            return .configurationRejected(message: "\(error)")
        }
    }

    /// `/status` (`?json`, `?full`) and `/metrics`, from the scoreboard.
    private func status(_ path: String, _ query: String) -> (status: Int, type: String, body: String) {
        guard let slots else { return (503, "text/plain", "no scoreboard\n") }
        let snapshot = slots.snapshot(statistics: policy.statistics, processManager: policy.sizing.mode.rawValue)
        let options = Set(query.split(separator: "&").map { String($0.split(separator: "=").first ?? "") })
        let full = options.contains("full")
        if path.hasSuffix("/metrics") {
            // The fetch's file, when there is one (written atomically: whole or absent).
            let fetch = (try? FileContents.readText(fetchMetricsFile)) ?? ""
            return (200, "text/plain; version=0.0.4; charset=utf-8", StatusPage.metrics(snapshot) + fetch)
        }
        if options.contains("json") { return (200, "application/json", StatusPage.json(snapshot, full: full)) }
        return (200, "text/plain; charset=utf-8", StatusPage.text(snapshot, full: full))
    }

    /// USR1 (and a reload that changes `log.file`): point standard error at the file again; workers get USR1.
    private func reopenLog() {
        guard let logFile else {
            logger.notice("USR1: no log.file is set; logging goes to standard error")
            return
        }
        do {
            try LogFile.redirectStandardError(to: logFile)
            logger.notice("USR1: reopened \(logFile)")
        } catch {
            logger.error("USR1: cannot reopen \(logFile): \(error)")
        }
    }

    private func log(_ level: PoolLogLevel, _ message: String) {
        switch level {
        case .debug: logger.debug("\(message)")
        case .info: logger.info("\(message)")
        case .notice: logger.notice("\(message)")
        case .warning: logger.warning("\(message)")
        case .error: logger.error("\(message)")
        }
    }
}

extension Logger.Level {
    public init(_ level: LogLevel) {
        switch level {
        case .trace: self = .trace
        case .debug: self = .debug
        case .info: self = .info
        case .notice: self = .notice
        case .warning: self = .warning
        case .error: self = .error
        case .critical: self = .critical
        }
    }
}
