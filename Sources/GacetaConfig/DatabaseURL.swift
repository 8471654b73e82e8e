import GacetaSystem

/// Checks `database.url` when the configuration loads, so that a mistyped URL stops the server with the file and
/// line instead of starting workers that could never connect (a worker starts while PostgreSQL is down and
/// connects later, so a connection cannot be the check).
enum DatabaseURL {
    /// `sqlite:PATH`, or a libpq URI `postgresql://[user[:password]@][host[:port][,…]][/dbname][?key=value&…]`
    /// (`postgres://` too) with the parameters libpq knows, written as libpq parses them.
    static func isValid(_ text: String) -> Bool {
        if text.hasPrefix("sqlite:") { return text.count > "sqlite:".count && !text.contains("\0") }
        for scheme in ["postgresql://", "postgres://"] where text.hasPrefix(scheme) {
            return isValidPostgres(Substring(text.dropFirst(scheme.count)))
        }
        return false
    }

    /// The connection parameters of libpq 15 and later (`PQconndefaults`); libpq refuses any other in a URI.
    static let postgresParameters: Set<String> = [
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "channel_binding", "connect_timeout",
        "client_encoding", "options", "application_name", "fallback_application_name", "keepalives",
        "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout", "replication", "sslmode",
        "sslcompression", "sslcert", "sslkey", "sslpassword", "sslrootcert", "sslcrl", "sslcrldir", "sslsni",
        "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "gssencmode", "krbsrvname", "gsslib",
        "service", "target_session_attrs", "load_balance_hosts", "sslcertmode", "require_auth", "ssl",
    ]

    private static func isValidPostgres(_ rest: Substring) -> Bool {
        let queryStart = rest.firstIndex(of: "?")
        let beforeQuery = rest[..<(queryStart ?? rest.endIndex)]
        let slash = beforeQuery.firstIndex(of: "/")
        var authority = beforeQuery[..<(slash ?? beforeQuery.endIndex)]
        if let at = authority.lastIndex(of: "@") {
            guard isPercentEncoded(authority[..<at]) else { return false }
            authority = authority[authority.index(after: at)...]
        }
        guard authority.split(separator: ",", omittingEmptySubsequences: false).allSatisfy(isValidHost) else {
            return false
        }
        if let slash, !isPercentEncoded(beforeQuery[beforeQuery.index(after: slash)...]) { return false }
        guard let queryStart else { return true }
        let query = rest[rest.index(after: queryStart)...]
        return query.split(separator: "&").allSatisfy { pair in
            guard let equals = pair.firstIndex(of: "="), isPercentEncoded(pair) else { return false }
            let key = pair[..<equals]
            let value = pair[pair.index(after: equals)...]
            guard postgresParameters.contains(String(key)) else { return false }
            return key != "port" || value.split(separator: ",", omittingEmptySubsequences: false).allSatisfy(isPort)
        }
    }

    /// `host`, `host:port`, `[ipv6]`, `[ipv6]:port` or empty (the default, a unix socket).
    private static func isValidHost(_ host: Substring) -> Bool {
        var rest = host
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return false }
            rest = rest[rest.index(after: close)...]
            if rest.isEmpty { return true }
            guard rest.hasPrefix(":") else { return false }
            return isPort(rest.dropFirst())
        }
        guard let colon = rest.firstIndex(of: ":") else { return isPercentEncoded(rest) }
        return isPercentEncoded(rest[..<colon]) && isPort(rest[rest.index(after: colon)...])
    }

    private static func isPort(_ text: Substring) -> Bool {
        text.isEmpty || (text.allSatisfy(\.isASCIIDigit) && Int(text).map { (1...65535).contains($0) } == true)
    }

    /// Every `%` starts two hexadecimal digits that are not `%00`, and nothing is blank.
    private static func isPercentEncoded(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte < 0x20 { return false }
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]),
                    !(bytes[index + 1] == UInt8(ascii: "0") && bytes[index + 2] == UInt8(ascii: "0"))
                else { return false }
                index += 3
                continue
            }
            index += 1
        }
        return true
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }
}

extension ValueType where Value == String {
    /// `database.url`: a SQLite path or a PostgreSQL URI (see `DatabaseURL`).
    static var databaseURL: ValueType {
        ValueType(
            expected: "sqlite:PATH, sqlite:///ABSOLUTE/PATH or a PostgreSQL URI like "
                + "postgresql://USER@/DB?host=/run/postgresql (parameters as libpq knows them)",
            example: "sqlite:var/gacetachat.db", allowsEmpty: false,
            parse: { DatabaseURL.isValid($0) ? $0 : nil }, format: Redaction.redacted)
    }
}
