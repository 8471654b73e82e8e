import GacetaSystem

/// The table of every configuration key. Add a key here (and a field in ``Settings``) and it is parsed from the
/// file, the environment and the command line, validated, and shown by ``Configuration/report()``.
enum ConfigurationSchema {
    /// The base sections, in the order reports show them.
    static let sections = [
        "server", "pool", "log", "database", "storage", "search", "llm", "chat", "backup", "admin", "fetch", "mail",
    ]

    static let keys: [ConfigKey] = [
        ConfigKey(
            "server", "listen", .listenAddress, default: "unix:var/run/gacetachat.sock",
            doc: "Socket nginx's fastcgi_pass connects to: unix:PATH, /PATH.sock, HOST:PORT or [IPV6]:PORT."
        ) { $0.server.listen = $1 },
        ConfigKey(
            "server", "socket_owner", .optionalString(example: "gacetachat"), default: "",
            doc: "User to chown the unix socket to; empty leaves it as created."
        ) { $0.server.socketOwner = $1 },
        ConfigKey(
            "server", "socket_group", .optionalString(example: "www-data"), default: "",
            doc: "Group to chown the unix socket to (nginx's group, e.g. www-data); empty leaves it."
        ) { $0.server.socketGroup = $1 },
        ConfigKey(
            "server", "socket_mode", .octalMode, default: "0660",
            doc: "Permissions of the unix socket, octal, like PHP-FPM's listen.mode."
        ) { $0.server.socketMode = $1 },
        ConfigKey(
            "server", "max_body_size", .byteSize, default: "1m",
            doc: "Largest request body accepted, like nginx's client_max_body_size (512, 64k, 1m, 1g)."
        ) { $0.server.maxBodySize = $1 },
        ConfigKey(
            "server", "max_upload_size", .byteSize, default: "64m",
            doc: "Largest body accepted by the admin API (PDF uploads); nginx's /api/v1/admin/ location must match."
        ) { $0.server.maxUploadSize = $1 },
        ConfigKey(
            "server", "cache_ttl", .duration, default: "30s",
            doc: "How long nginx may answer a search or edition request from its cache (X-Accel-Expires); 0s = never."
        ) { $0.server.cacheTTL = $1 },
        ConfigKey(
            "server", "debug", .bool, default: "false",
            doc: "Show error details in responses; never in production."
        ) { $0.server.debug = $1 },
        ConfigKey(
            "server", "secret_key", .secret, default: "", secret: true, environment: "SECRET_KEY",
            doc: "Key for signing sessions; at least 32 characters in production. Set SECRET_KEY in the environment."
        ) { $0.server.secretKey = $1 },
        ConfigKey(
            "server", "public_url", .optionalHTTPURL, default: "",
            doc: "The site as readers reach it (https://gaceta.example.org): links in feeds and alert e-mails."
        ) { $0.server.publicURL = $1 },
        ConfigKey(
            "pool", "pm", .processManager, default: "static",
            doc: "How the number of workers is managed, as in PHP-FPM: static, dynamic or ondemand."
        ) { $0.pool.processManager = $1 },
        ConfigKey(
            "pool", "pm.max_children", .integer(1...256), default: "3",
            doc: "Most workers at once; with pm = static, the number of workers (PHP-FPM pm.max_children)."
        ) { $0.pool.workers = $1 },
        ConfigKey(
            "pool", "workers", .integer(1...256), default: "3", aliasOf: "pool.pm.max_children",
            doc: "Older name of pm.max_children."
        ) { $0.pool.workers = $1 },
        ConfigKey(
            "pool", "pm.start_servers", .integer(0...256), default: "2",
            doc: "pm = dynamic: workers started with the pool (PHP-FPM pm.start_servers)."
        ) { $0.pool.startServers = $1 },
        ConfigKey(
            "pool", "pm.min_spare_servers", .integer(1...256), default: "1",
            doc: "pm = dynamic: fewer idle workers than this and more are started (PHP-FPM's name)."
        ) { $0.pool.minSpareServers = $1 },
        ConfigKey(
            "pool", "pm.max_spare_servers", .integer(1...256), default: "3",
            doc: "pm = dynamic: more idle workers than this and one is stopped each second (PHP-FPM's name)."
        ) { $0.pool.maxSpareServers = $1 },
        ConfigKey(
            "pool", "pm.process_idle_timeout", .duration, default: "10s",
            doc: "pm = ondemand: a worker idle this long is stopped (PHP-FPM pm.process_idle_timeout)."
        ) { $0.pool.processIdleTimeout = $1 },
        ConfigKey(
            "pool", "pm.max_spawn_rate", .integer(1...1024), default: "32",
            doc: "pm = dynamic: most workers started in one second (PHP-FPM pm.max_spawn_rate)."
        ) { $0.pool.maxSpawnRate = $1 },
        ConfigKey(
            "pool", "boot_timeout", .duration, default: "10s",
            doc: "How long a new worker may take to become ready before the pool gives up."
        ) { $0.pool.bootTimeout = $1 },
        ConfigKey(
            "pool", "graceful_timeout", .duration, default: "30s",
            doc: "How long workers may finish requests on stop or reload before they are killed."
        ) { $0.pool.gracefulTimeout = $1 },
        ConfigKey(
            "pool", "listen_backlog", .integer(1...65535), default: "511",
            doc: "Queue of pending connections, like PHP-FPM's listen.backlog."
        ) { $0.pool.listenBacklog = Int32(clamping: $1) },
        ConfigKey(
            "pool", "pm.max_requests", .integer(0...1_000_000_000), default: "0",
            doc: "Requests a worker serves before it is replaced (PHP-FPM pm.max_requests); 0 = never."
        ) { $0.pool.maxRequests = $1 },
        ConfigKey(
            "pool", "max_requests", .integer(0...1_000_000_000), default: "0", aliasOf: "pool.pm.max_requests",
            doc: "Older name of pm.max_requests."
        ) { $0.pool.maxRequests = $1 },
        ConfigKey(
            "pool", "max_requests_jitter", .integer(0...1_000_000_000), default: "0",
            doc: "Up to this many more requests, chosen per worker, so workers are not all replaced at once."
        ) { $0.pool.maxRequestsJitter = $1 },
        ConfigKey(
            "pool", "request_terminate_timeout", .duration, default: "0s",
            doc: "A request running longer has its worker ended and replaced (PHP-FPM's name); 0s = never."
        ) { $0.pool.requestTerminateTimeout = $1 },
        ConfigKey(
            "pool", "request_slowlog_timeout", .duration, default: "0s",
            doc: "A request running longer is logged as slow (pid, method, URI, elapsed); 0s = never."
        ) { $0.pool.requestSlowlogTimeout = $1 },
        ConfigKey(
            "pool", "max_worker_memory", .byteSize, default: "0",
            doc:
                "A worker whose resident anonymous memory (not the mapped database) passes this exits after its current "
                + "request and is replaced; 0 = no limit."
        ) { $0.pool.maxWorkerMemory = $1 },
        ConfigKey(
            "pool", "status_listen", .optionalString(example: "unix:/run/gacetachat/gacetachat-status.sock"),
            default: "",
            doc: "Socket where the master answers /status and /metrics; empty = server.listen's path + -status.sock."
        ) { $0.pool.statusListen = $1 },
        ConfigKey(
            "log", "level", .logLevel, default: "info", environment: "LOG_LEVEL",
            doc: "Least severe level logged: trace, debug, info, notice, warning, error or critical."
        ) { $0.log.level = $1 },
        ConfigKey(
            "log", "file", .optionalString(example: "/var/log/gacetachat/gacetachat.log"), default: "",
            doc: "Log file; empty logs to standard error (the journal under systemd)."
        ) { $0.log.file = $1 },
        ConfigKey(
            "log", "chat_questions", .bool, default: "false",
            doc: "Put the text of chat questions in the request log lines (citizens' questions: off in production)."
        ) { $0.log.chatQuestions = $1 },
        ConfigKey(
            "database", "url", .databaseURL, default: "sqlite:var/db/gacetachat.db",
            environment: "DATABASE_URL",
            doc: "sqlite:RELATIVE/PATH, sqlite:///ABSOLUTE/PATH or postgresql://USER@/DB?host=/run/postgresql."
        ) { $0.database.url = $1 },
        ConfigKey(
            "storage", "files_dir", .string(example: "/var/lib/gacetachat/files"), default: "var/files",
            doc: "Where ingest keeps each PDF (XX/SHA256.pdf); nginx serves them from here (X-Accel-Redirect)."
        ) { $0.storage.filesDirectory = $1 },
        ConfigKey(
            "search", "timeout", .duration, default: "2s",
            doc: "Longest a search may run; past it the client gets 503 search_timeout (Retry-After: 2)."
        ) { $0.search.timeout = $1 },
        ConfigKey(
            "llm", "base_url", .optionalString(example: "https://api.openai.com/v1"), default: "",
            doc: "OpenAI-compatible API endpoint; empty disables chat answers."
        ) { $0.llm.baseURL = $1 },
        ConfigKey(
            "llm", "model", .optionalString(example: "gpt-4o-mini"), default: "",
            doc: "Model name sent to the endpoint."
        ) { $0.llm.model = $1 },
        ConfigKey(
            "llm", "api_key", .secret, default: "", secret: true, environment: "OPENAI_API_KEY",
            doc: "API key for the endpoint. Set OPENAI_API_KEY in the environment."
        ) { $0.llm.apiKey = $1 },
        ConfigKey(
            "llm", "timeout", .duration, default: "30s",
            doc: "How long to wait for the model's answer."
        ) { $0.llm.timeout = $1 },
        ConfigKey(
            "llm", "max_tokens", .integer(1...32_768), default: "400",
            doc: "Longest answer the model may write, in tokens."
        ) { $0.llm.maxTokens = $1 },
        ConfigKey(
            "llm", "temperature", .decimal(0...2), default: "0.2",
            doc: "Sampling temperature sent to the model (0 to 2); low keeps answers close to the passages."
        ) { $0.llm.temperature = $1 },
        ConfigKey(
            "chat", "max_question_length", .integer(1...10_000), default: "1000",
            doc: "Longest question accepted, in characters."
        ) { $0.chat.maxQuestionLength = $1 },
        ConfigKey(
            "chat", "max_turns", .integer(1...500), default: "20",
            doc: "Most questions one conversation may hold."
        ) { $0.chat.maxTurns = $1 },
        ConfigKey(
            "chat", "retention", .duration, default: "720h",
            doc: "Conversations untouched for this long are deleted (720h = 30 days)."
        ) { $0.chat.retention = $1 },
        ConfigKey(
            "backup", "dir", .string(example: "/var/lib/gacetachat/backups"), default: "var/backups",
            doc: "Where 'gacetachat backup' writes its archives (created if missing); --to overrides it."
        ) { $0.backup.directory = $1 },
        ConfigKey(
            "backup", "keep", .integer(1...10_000), default: "7",
            doc: "How many backups to keep in backup.dir; older ones are deleted after a successful backup."
        ) { $0.backup.keep = $1 },
        ConfigKey(
            "admin", "allowed_networks", .networks, default: "127.0.0.1/32, ::1/128",
            doc: "Client networks (CIDR) the admin API answers; others get 403. Keep nginx's allow lines equal."
        ) { $0.admin.allowedNetworks = $1 },
        ConfigKey(
            "fetch", "base_url", .httpURL, default: "https://www.imprentanacional.go.cr",
            doc: "The publisher's site; editions are under BASE/pub/YYYY/MM/DD/ (http:// for mirrors and tests)."
        ) { $0.fetch.baseURL = $1 },
        ConfigKey(
            "fetch", "timezone", .timezone, default: "America/Costa_Rica",
            doc: "Whose calendar dates are: 'fetch' without a date fetches today there (a name in /usr/share/zoneinfo)."
        ) { $0.fetch.timezone = $1 },
        ConfigKey(
            "fetch", "connect_timeout", .duration, default: "10s",
            doc: "How long connecting to the publisher may take."
        ) { $0.fetch.connectTimeout = $1 },
        ConfigKey(
            "fetch", "timeout", .duration, default: "120s",
            doc: "How long one download may take, connecting included; past it the try is a timeout."
        ) { $0.fetch.timeout = $1 },
        ConfigKey(
            "fetch", "retries", .integer(0...10), default: "3",
            doc: "Tries after the first on a 5xx or a timeout, waiting retry_backoff, then twice as long each time."
        ) { $0.fetch.retries = $1 },
        ConfigKey(
            "fetch", "retry_backoff", .duration, default: "2s",
            doc: "Wait before the first retry (2s: then 4s, 8s)."
        ) { $0.fetch.retryBackoff = $1 },
        ConfigKey(
            "fetch", "request_interval", .duration, default: "1s",
            doc: "Least time between two requests to the publisher (1s: at most one request a second)."
        ) { $0.fetch.requestInterval = $1 },
        ConfigKey(
            "fetch", "max_size", .byteSize, default: "200m",
            doc: "Largest file accepted; a bigger one is 'too_large'."
        ) { $0.fetch.maxSize = $1 },
        ConfigKey(
            "fetch", "user_agent", .string(example: "gacetachat-fetch (ops@example.org)"),
            default: "gacetachat-fetch",
            doc: "User-Agent sent to the publisher: say who you are and how to reach you."
        ) { $0.fetch.userAgent = $1 },
        ConfigKey(
            "fetch", "metrics_file", .optionalString(example: "/var/lib/gacetachat/fetch.prom"), default: "",
            doc: "Prometheus text file fetch writes and the master appends to /metrics; empty = beside the database."
        ) { $0.fetch.metricsFile = $1 },
        ConfigKey(
            "mail", "host", .optionalString(example: "localhost"), default: "",
            doc: "SMTP server for alert e-mails; empty turns e-mail alerts off (needs server.public_url, mail.from)."
        ) { $0.mail.host = $1 },
        ConfigKey(
            "mail", "port", .integer(1...65_535), default: "25",
            doc: "SMTP port (25, or 587 for submission)."
        ) { $0.mail.port = $1 },
        ConfigKey(
            "mail", "starttls", .startTLS, default: "required",
            doc: "required: never send over a plain connection; opportunistic: upgrade when offered; off: never."
        ) { $0.mail.startTLS = $1 },
        ConfigKey(
            "mail", "ca_file", .optionalString(example: "/etc/ssl/certs/smtp-ca.pem"), default: "",
            doc: "CA certificates (PEM) to verify the SMTP server's certificate with; empty: the system's."
        ) { $0.mail.caFile = $1 },
        ConfigKey(
            "mail", "user", .optionalString(example: "alertas"), default: "",
            doc: "SMTP user name; empty sends without logging in."
        ) { $0.mail.user = $1 },
        ConfigKey(
            "mail", "password", .secret, default: "", secret: true,
            doc: "SMTP password. Set GACETACHAT_MAIL_PASSWORD in the environment."
        ) { $0.mail.password = $1 },
        ConfigKey(
            "mail", "from", .optionalMailbox, default: "",
            doc: "Address alert messages come from (envelope and From:), e.g. alertas@example.org."
        ) { $0.mail.from = $1 },
    ]

    /// Names of the environment variables that are not keys but are still understood.
    static let controlVariables = [
        "GACETACHAT_PROFILE", "GACETACHAT_CONFIG", WorkerContract.readyDescriptorVariable,
        WorkerContract.scoreboardDescriptorVariable, WorkerContract.scoreboardSlotVariable,
    ]

    private static let keysByPath: [String: ConfigKey] = Dictionary(
        keys.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })

    /// The key named `section.key`, if any.
    static func key(_ path: String) -> ConfigKey? {
        keysByPath[path]
    }

    static func keys(in section: String) -> [ConfigKey] {
        keys.filter { $0.section == section }
    }
}
