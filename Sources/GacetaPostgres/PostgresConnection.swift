@preconcurrency import CPostgres
import GacetaCore
import GacetaSystem
import Glibc

/// One libpq connection: statements with bound text parameters, transactions, errors classified as
/// `StoreError`. A connection that broke (server restarted, network gone), or never opened because the server
/// was down, is opened again on the next call, so a database that comes back is used again without restarting
/// the process.
final class PostgresConnection {
    private let handle: OpaquePointer
    /// The URL without its password, for messages.
    let displayURL: String
    /// Run after every successful (re)connection, before the call that needed it; an error keeps it pending.
    var verifyAfterConnecting: (() throws(StoreError) -> Void)?
    private var needsVerification = true

    /// Parses `url` (a libpq URI or `key=value` string) and tries to connect. A URL libpq cannot parse throws
    /// `.failed`; a server that cannot be reached does not throw: every call tries again until it answers,
    /// throwing `.unavailable` meanwhile.
    init(url: String) throws(StoreError) {
        displayURL = PostgresURL.redacted(url)
        password = PostgresURL.separatingPassword(url).password.flatMap { $0.isEmpty ? nil : $0 }
        var parseError: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &parseError) else {
            let message = Self.scrubbed(
                parseError.map { Self.trimmed(String(cString: $0)) } ?? "out of memory", password: password)
            if let parseError { PQfreemem(parseError) }
            throw StoreError(.failed, "invalid database URL \(displayURL): \(message)")
        }
        PQconninfoFree(options)
        guard let handle = PQconnectdb(url) else {
            throw StoreError(.unavailable, "cannot connect to \(displayURL): out of memory")
        }
        // The server's notices (NOTICE, WARNING) must not reach a worker's stderr; kept across resets.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        self.handle = handle
        needsReset = PQstatus(handle) != CONNECTION_OK
    }

    deinit { PQfinish(handle) }

    /// Kept only to scrub it from libpq's messages.
    private let password: String?

    private var lastError: String { Self.scrubbed(Self.errorMessage(handle), password: password) }

    /// libpq's message without the password, whether it echoes the URL or the bare value.
    private static func scrubbed(_ message: String, password: String?) -> String {
        guard let password else { return Redaction.redacted(message) }
        return Redaction.redacted(message, hiding: password)
    }

    private static func errorMessage(_ handle: OpaquePointer) -> String {
        guard let message = PQerrorMessage(handle) else { return "unknown error" }
        return trimmed(String(cString: message))
    }

    /// Set when a call found the server gone: the next call reconnects first.
    private var needsReset = false

    /// Reconnects when the connection broke (or never opened) since the last call, then verifies it once.
    private func ensureConnected() throws(StoreError) {
        if needsReset || PQstatus(handle) != CONNECTION_OK {
            PQreset(handle)
            needsReset = PQstatus(handle) != CONNECTION_OK
            guard !needsReset else {
                throw StoreError(.unavailable, "database unavailable (\(displayURL)): \(lastError)")
            }
            prepared = [:]  // a new session has none
            needsVerification = true
        }
        if needsVerification, let verify = verifyAfterConnecting {
            needsVerification = false
            do {
                try verify()
            } catch {
                needsVerification = true
                throw error
            }
        }
    }

    /// Runs one statement with `parameters` bound as `$1…$n` (text format; nil is NULL).
    @discardableResult
    func query(_ sql: String, _ parameters: [String?] = []) throws(StoreError) -> PostgresResult {
        try ensureConnected()
        let result = Self.withCStrings(parameters) { values in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        return try check(result, sql: sql)
    }

    /// Names of the statements prepared on this session, by their SQL.
    private var prepared: [String: String] = [:]

    /// Like `query`, for constant SQL run often (lookups, ingest's inserts): parsed once per session
    /// (`PQprepare`), then only executed (`PQexecPrepared`), and PostgreSQL keeps a generic plan once it does as
    /// well as planning each call. Not for SQL whose best plan depends on the values, such as a search's matches.
    @discardableResult
    func preparedQuery(_ sql: String, _ parameters: [String?] = []) throws(StoreError) -> PostgresResult {
        try ensureConnected()
        let name: String
        if let known = prepared[sql] {
            name = known
        } else {
            name = "gaceta_\(prepared.count + 1)"
            try check(PQprepare(handle, name, sql, Int32(parameters.count), nil), sql: sql)
            prepared[sql] = name
        }
        let result = Self.withCStrings(parameters) { values in
            PQexecPrepared(handle, name, Int32(parameters.count), values, nil, nil, 0)
        }
        return try check(result, sql: sql)
    }

    /// Runs constant SQL without parameters; it may hold several statements (migrations).
    func execute(_ sql: String) throws(StoreError) {
        try ensureConnected()
        try check(PQexec(handle, sql), sql: sql)
    }

    /// Runs `body` in `BEGIN … COMMIT`; any error rolls back.
    func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if PQstatus(handle) == CONNECTION_OK { try? execute("ROLLBACK") }
            throw error
        }
    }

    @discardableResult
    private func check(_ result: OpaquePointer?, sql: String) throws(StoreError) -> PostgresResult {
        guard let result else {
            needsReset = PQstatus(handle) != CONNECTION_OK
            throw StoreError(
                PQstatus(handle) == CONNECTION_OK ? .failed : .unavailable,
                "database error (\(displayURL)): \(lastError)")
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PostgresResult(result)
        default:
            let message = PQresultErrorMessage(result).map { Self.trimmed(String(cString: $0)) } ?? lastError
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            PQclear(result)
            // No SQLSTATE: libpq itself failed (connection lost mid-call), not the server.
            if state.isEmpty || Self.isUnavailable(state: state) || PQstatus(handle) != CONNECTION_OK {
                needsReset = true
                throw StoreError(.unavailable, "database unavailable (\(displayURL)): \(message)")
            }
            throw StoreError(.failed, "database error: \(message) in: \(sql.prefix(200))")
        }
    }

    /// SQLSTATE classes meaning "the database is not there right now" rather than "this statement is wrong":
    /// connection exceptions (08), shutdown and startup (57P0x), lack of resources (53).
    static func isUnavailable(state: String) -> Bool {
        state.hasPrefix("08") || state.hasPrefix("53") || ["57P01", "57P02", "57P03"].contains(state)
    }

    private static func trimmed(_ message: String) -> String {
        var text = Substring(message)
        while let last = text.last, last == "\n" || last == " " { text = text.dropLast() }
        return String(text)
    }

    /// Calls `body` with C strings for `values` that live for the duration of the call.
    private static func withCStrings<R>(
        _ values: [String?], _ body: ([UnsafePointer<CChar>?]) -> R
    ) -> R {
        let pointers: [UnsafeMutablePointer<CChar>?] = values.map { $0.flatMap { strdup($0) } }
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers.map { $0.map { UnsafePointer($0) } })
    }
}

/// The rows of a finished statement, in text format.
final class PostgresResult {
    private let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { PQclear(handle) }

    var rowCount: Int { Int(PQntuples(handle)) }

    /// Rows changed by an INSERT/UPDATE/DELETE.
    var affectedRows: Int {
        guard let text = PQcmdTuples(handle) else { return 0 }
        return Int(String(cString: text)) ?? 0
    }

    func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(handle, Int32(row), Int32(column)) == 1 }

    func string(_ row: Int, _ column: Int) -> String? {
        guard !isNull(row, column), let value = PQgetvalue(handle, Int32(row), Int32(column)) else { return nil }
        return String(cString: value)
    }

    func int64(_ row: Int, _ column: Int) -> Int64 { string(row, column).flatMap { Int64($0) } ?? 0 }
    func int(_ row: Int, _ column: Int) -> Int { Int(int64(row, column)) }
    func double(_ row: Int, _ column: Int) -> Double { string(row, column).flatMap { Double($0) } ?? 0 }
}
