/// The fully typed effective configuration of a GacetaChat server.
///
/// Obtain one from ``ConfigurationLoader/load(configPath:profile:overrides:)``; ``Settings/defaults`` holds the
/// built-in values (useful as a starting point in tests of other modules).
public struct Settings: Sendable, Equatable {
    public var profile: Profile
    public var server: ServerSettings
    public var pool: PoolSettings
    public var log: LogSettings
    public var database: DatabaseSettings
    public var storage: StorageSettings
    public var search: SearchSettings
    public var llm: LLMSettings
    public var chat: ChatSettings
    public var backup: BackupSettings
    public var admin: AdminSettings
    public var fetch: FetchSettings
    public var mail: MailSettings

    /// The built-in defaults of every key, with the development profile.
    public static var defaults: Settings {
        var settings = Settings.unset
        for key in ConfigurationSchema.keys {
            key.parse(key.defaultValue)?.apply(&settings)
        }
        return settings
    }

    /// Placeholder values, each overwritten by the schema's defaults.
    static var unset: Settings {
        Settings(
            profile: .development,
            server: ServerSettings(
                listen: .unix(path: ""), socketOwner: nil, socketGroup: nil, socketMode: 0, maxBodySize: 0,
                maxUploadSize: 0, cacheTTL: .zero,
                debug: false, secretKey: nil, publicURL: nil),
            pool: PoolSettings(
                processManager: .static, workers: 0, startServers: 0, minSpareServers: 0, maxSpareServers: 0,
                processIdleTimeout: .zero, maxSpawnRate: 0, maxWorkerMemory: 0, bootTimeout: .zero,
                gracefulTimeout: .zero, listenBacklog: 0, maxRequests: 0,
                maxRequestsJitter: 0, requestTerminateTimeout: .zero, requestSlowlogTimeout: .zero,
                statusListen: nil),
            log: LogSettings(level: .info, file: nil, chatQuestions: false),
            database: DatabaseSettings(url: ""),
            storage: StorageSettings(filesDirectory: ""), search: SearchSettings(timeout: .zero),
            llm: LLMSettings(baseURL: nil, model: nil, apiKey: nil, timeout: .zero, maxTokens: 0, temperature: 0),
            chat: ChatSettings(maxQuestionLength: 0, maxTurns: 0, retention: .zero),
            backup: BackupSettings(directory: "", keep: 0), admin: AdminSettings(allowedNetworks: []),
            fetch: FetchSettings(
                baseURL: "", timezone: "", connectTimeout: .zero, timeout: .zero, retries: 0, retryBackoff: .zero,
                requestInterval: .zero, maxSize: 0, userAgent: "", metricsFile: nil),
            mail: MailSettings(
                host: nil, port: 0, startTLS: .required, caFile: nil, user: nil, password: nil, from: nil))
    }
}

/// `[server]`: the socket nginx connects to and request handling.
public struct ServerSettings: Sendable, Equatable {
    public var listen: ListenAddress
    /// Owner to give the unix socket; `nil` leaves it as created.
    public var socketOwner: String?
    /// Group to give the unix socket; `nil` leaves it as created.
    public var socketGroup: String?
    /// Permission bits of the unix socket, e.g. `0o660`.
    public var socketMode: UInt32
    /// Largest accepted request body, in bytes.
    public var maxBodySize: Int
    /// Largest body accepted by the admin API (uploads), in bytes.
    public var maxUploadSize: Int
    /// How long nginx may cache search and edition answers; `.zero` = not at all.
    public var cacheTTL: Duration
    public var debug: Bool
    public var secretKey: String?
    /// `https://gaceta.example.org`, without a trailing slash: the site as its readers reach it, for the absolute
    /// links of feeds and alert messages; nil when unset (feeds and alerts then answer 404).
    public var publicURL: String?
}

/// `[pool]`: the FastCGI worker processes.
public struct PoolSettings: Sendable, Equatable {
    public var processManager: ProcessManager
    /// `pm.max_children`: the most workers at once (with `pm = static`, the number of workers).
    public var workers: Int
    /// `pm = dynamic`: workers at start, and the bounds on idle ones.
    public var startServers: Int
    public var minSpareServers: Int
    public var maxSpareServers: Int
    /// `pm = ondemand`: how long a worker may stay idle.
    public var processIdleTimeout: Duration
    /// `pm = dynamic`: most workers started per second.
    public var maxSpawnRate: Int
    /// Resident bytes after which a worker leaves once its request is done; 0 = no limit.
    public var maxWorkerMemory: Int
    public var bootTimeout: Duration
    public var gracefulTimeout: Duration
    public var listenBacklog: Int32
    /// Requests before a worker is replaced; 0 = never.
    public var maxRequests: Int
    public var maxRequestsJitter: Int
    /// `.zero` = never.
    public var requestTerminateTimeout: Duration
    /// `.zero` = never.
    public var requestSlowlogTimeout: Duration
    /// Where the master answers `/status` and `/metrics`; `nil` = next to `server.listen` (see `statusAddress`).
    public var statusListen: String?
}

/// How the number of workers is managed (`pool.pm`), as PHP-FPM's `pm`.
public enum ProcessManager: String, Sendable, Equatable, CaseIterable {
    /// Always `pm.max_children` workers.
    case `static`
    /// Between `pm.min_spare_servers` and `pm.max_spare_servers` idle workers, at most `pm.max_children`.
    case dynamic
    /// No worker until a connection waits; idle ones leave after `pm.process_idle_timeout`.
    case ondemand
}

/// `[log]`: where and how much to log.
public struct LogSettings: Sendable, Equatable {
    public var level: LogLevel
    /// Log file path; `nil` means standard error.
    public var file: String?
    /// Whether request log lines may hold the text of chat questions.
    public var chatQuestions: Bool
}

/// `[database]`: the store behind search and chat.
public struct DatabaseSettings: Sendable, Equatable {
    /// `sqlite:PATH`, `sqlite:///ABSOLUTE/PATH` or a `postgresql://` URL.
    public var url: String
}

/// `[storage]`: files kept beside the database.
public struct StorageSettings: Sendable, Equatable {
    /// Directory of the original PDFs, `XX/SHA256.pdf` (relative paths are from the working directory).
    public var filesDirectory: String
}

/// `[llm]`: the OpenAI-compatible model endpoint used by chat.
public struct LLMSettings: Sendable, Equatable {
    public var baseURL: String?
    public var model: String?
    public var apiKey: String?
    public var timeout: Duration
    public var maxTokens: Int
    public var temperature: Double
}

/// `[search]`: bounds on one search.
public struct SearchSettings: Sendable, Equatable {
    /// Longest a search may run (SQLite's progress handler, PostgreSQL's `statement_timeout`).
    public var timeout: Duration
}

/// `[chat]`: limits on questions and how long conversations are kept.
public struct ChatSettings: Sendable, Equatable {
    /// Longest question accepted, in characters.
    public var maxQuestionLength: Int
    /// Most questions one conversation may hold.
    public var maxTurns: Int
    /// Conversations untouched for this long are deleted.
    public var retention: Duration
}

/// `[backup]`: where `gacetachat backup` writes and how many archives it keeps.
public struct BackupSettings: Sendable, Equatable {
    public var directory: String
    public var keep: Int
}

extension Settings {
    /// `pool.status_listen`, or, when empty, a unix socket beside `server.listen` (`x.sock` → `x-status.sock`;
    /// for a TCP listen, the next port).
    public var statusAddress: ListenAddress? {
        if let text = pool.statusListen { return ListenAddress(parsing: text) }
        switch server.listen {
        case .unix(let path):
            let stem = path.hasSuffix(".sock") ? String(path.dropLast(5)) : path
            return .unix(path: stem + "-status.sock")
        case .tcp(let host, let port):
            return .tcp(host: host, port: port == UInt16.max ? port - 1 : port + 1)
        }
    }
}

/// `[admin]`: the admin API (`/api/v1/admin/…`).
public struct AdminSettings: Sendable, Equatable {
    /// Client networks the admin API answers (checked against `REMOTE_ADDR` before the token).
    public var allowedNetworks: [IPNetwork]
}
