import Foundation

/// A private PostgreSQL cluster for tests: `initdb` in a temporary directory, listening only on a unix socket
/// there, run as the `postgres` OS user when the tests run as root (PostgreSQL refuses root). Debian's
/// binaries under `/usr/lib/postgresql/*/bin` are used; when missing, `apt-get install postgresql
/// postgresql-contrib` is tried once. `shared` is started on first use and stopped and removed when the test
/// process exits (and, should the process be killed, by a watcher that outlives it).
public final class PostgresServer: @unchecked Sendable {
    /// The cluster every test shares (one database each), or nil when PostgreSQL cannot be installed or started;
    /// `unavailableReason` then says why, and the reason was printed to stderr.
    public static let shared: PostgresServer? = {
        do {
            let server = try PostgresServer()
            atexit { PostgresServer.shared?.stop() }
            return server
        } catch {
            unavailableReason = "\(error)"
            FileHandle.standardError.write(
                Data(
                    """
                    ************************************************************************
                    * PostgreSQL could not be installed or started: the PostgreSQL store tests
                    * are SKIPPED. Reason: \(error)
                    ************************************************************************

                    """.utf8))
            return nil
        }
    }()

    /// True when `shared` runs (starting it on first use).
    public static var isAvailable: Bool { shared != nil }

    nonisolated(unsafe) public private(set) static var unavailableReason: String?

    /// The directory holding the data directory, the log and the socket.
    public let directory: String
    private let binaries: String
    private let owner: String?
    private let lock = NSLock()
    private var databaseCount = 0
    private var stopped = false

    /// Installs PostgreSQL if needed, then creates and starts a new cluster.
    public init() throws {
        binaries = try Self.binaryDirectory()
        owner = getuid() == 0 ? "postgres" : nil
        directory = try Paths.temporaryDirectory("pg")
        if let owner { try Shell.run("chown", ["-R", owner, directory]) }
        watchForExit()
        try run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        try start()
    }

    deinit { stop() }

    private var data: String { "\(directory)/data" }

    /// `postgresql://postgres@/NAME?host=DIR`.
    public func url(database: String) -> String { "postgresql://postgres@/\(database)?host=\(directory)" }

    /// Creates an empty database (from `template0`, fast) and returns its URL.
    public func createDatabase() throws -> String {
        let name = lock.withLock {
            databaseCount += 1
            return "test_\(getpid())_\(databaseCount)"
        }
        try psql("CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'")
        return url(database: name)
    }

    /// Runs SQL in the `postgres` database as the superuser.
    public func psql(_ sql: String) throws {
        try check(
            Shell.run(
                "\(binaries)/psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url(database: "postgres"), "-c", sql]),
            "psql -c \(sql)")
    }

    /// Starts the server and waits until it accepts connections. Not through `Process`: the postmaster would
    /// inherit the descriptors Foundation watches for the child's exit (and `Shell.run`'s pipes), and
    /// `waitUntilExit` would wait for the server to stop. Here every descriptor above 2 is closed in the child.
    public func start() throws {
        let pgctl = "\(binaries)/pg_ctl"
        let options =
            "-c listen_addresses='' -c unix_socket_directories='\(directory)' -c fsync=off "
            + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        let arguments = ["-D", data, "-l", "\(directory)/server.log", "-w", "-t", "60", "-o", options, "start"]
        let command = try owner.map { [try Shell.resolve("runuser"), "-u", $0, "--", pgctl] } ?? [pgctl]
        let status = try Self.spawnClosingDescriptors(command + arguments, directory: directory)
        guard status == 0 else {
            let log = (try? String(contentsOfFile: "\(directory)/server.log", encoding: .utf8)) ?? ""
            throw TestSupportError("pg_ctl start failed (\(status)): \(log.suffix(2000))")
        }
    }

    /// Runs `command` with /dev/null as stdin/stdout/stderr and no other inherited descriptor; its exit status.
    private static func spawnClosingDescriptors(_ command: [String], directory: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(
                &actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        let command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + command
        var arguments = command.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, &arguments, environ)
        guard spawned == 0 else { throw TestSupportError("cannot spawn \(command[0]): errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xff
    }

    /// Stops the server (`fast`: sessions are cut, committed data kept) for tests of a database that goes away.
    public func halt() throws {
        try run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"])
    }

    /// Stops the server and removes the cluster; safe to call more than once.
    public func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        _ = try? run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func run(_ tool: String, _ arguments: [String]) throws {
        let executable = "\(binaries)/\(tool)"
        let result =
            if let owner {
                try Shell.run("runuser", ["-u", owner, "--", executable] + arguments, currentDirectory: directory)
            } else {
                try Shell.run(executable, arguments, currentDirectory: directory)
            }
        try check(result, "\(tool) \(arguments.joined(separator: " "))")
    }

    private func check(_ result: CommandResult, _ what: String) throws {
        guard result.status == 0 else {
            let log = (try? String(contentsOfFile: "\(directory)/server.log", encoding: .utf8)) ?? ""
            throw TestSupportError("\(what) failed (\(result.status)): \(result.output)\(log.suffix(2000))")
        }
    }

    /// A detached shell that stops and removes the cluster if this process dies without running `atexit`.
    private func watchForExit() {
        let stop = owner.map { "runuser -u \($0) -- " } ?? ""
        let script = """
            while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done
            if [ -d '\(directory)' ]; then \(stop)'\(binaries)/pg_ctl' -D '\(data)' -m immediate stop; rm -rf '\(directory)'; fi
            """
        let watcher = Process()
        watcher.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        watcher.arguments = ["sh", "-c", script]
        watcher.standardInput = FileHandle.nullDevice
        watcher.standardOutput = FileHandle.nullDevice
        watcher.standardError = FileHandle.nullDevice
        try? watcher.run()
    }

    /// The newest `/usr/lib/postgresql/N/bin` with `initdb`, installing the Debian packages when there is none.
    private static func binaryDirectory() throws -> String {
        if let found = installedBinaryDirectory() { return found }
        guard getuid() == 0 else {
            throw TestSupportError(
                "PostgreSQL is not installed and the tests do not run as root: apt-get install postgresql postgresql-contrib"
            )
        }
        FileHandle.standardError.write(
            Data("PostgreSQL is missing: apt-get install postgresql postgresql-contrib\n".utf8))
        var environment = ProcessInfo.processInfo.environment
        environment["DEBIAN_FRONTEND"] = "noninteractive"
        let update = try Shell.run("apt-get", ["update", "-qq"], environment: environment)
        let install = try Shell.run(
            "apt-get", ["install", "-y", "-qq", "--no-install-recommends", "postgresql", "postgresql-contrib"],
            environment: environment)
        guard let found = installedBinaryDirectory() else {
            throw TestSupportError("apt-get install postgresql failed: \(update.output)\(install.output)")
        }
        return found
    }

    private static func installedBinaryDirectory() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap { Int($0) }.sorted(by: >).map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }
    }
}
