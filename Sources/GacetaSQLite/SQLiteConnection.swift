@preconcurrency import CSQLite
import GacetaCore
import GacetaSystem
import Glibc

/// One SQLite connection: prepared-statement cache, transactions, errors classified as `StoreError`.
final class SQLiteConnection {
    let handle: OpaquePointer
    private var statements: [String: SQLiteStatement] = [:]

    /// A new database file is created here first, 0640 whatever the umask; SQLite gives its `-wal` and `-shm` the
    /// database's mode.
    init(path: String, busyTimeoutMilliseconds: Int32 = 5000) throws(StoreError) {
        let created = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o640)
        if created >= 0 {
            fchmod(created, 0o640)
            close(created)
        }
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw StoreError(.unavailable, "cannot open database \(path): \(message)")
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without results.
    func execute(_ sql: String) throws(StoreError) {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        if status != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(error)
            throw Self.error(status, message)
        }
    }

    /// A cached prepared statement, reset and with bindings cleared.
    func prepare(_ sql: String) throws(StoreError) -> SQLiteStatement {
        if let cached = statements[sql] {
            cached.reset()
            return cached
        }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw Self.error(status, "\(String(cString: sqlite3_errmsg(handle))) in: \(sql.prefix(200))")
        }
        let prepared = SQLiteStatement(statement, connection: self)
        statements[sql] = prepared
        return prepared
    }

    /// Runs one store call and then resets every cached statement, however `body` ends. A statement left
    /// mid-result holds its read snapshot open: later writes then fail at once with SQLITE_BUSY_SNAPSHOT (the busy
    /// timeout does not apply), other workers' commits stay invisible, and the WAL cannot be checkpointed. Every
    /// store method runs its statements inside one.
    func call<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        defer { releaseSnapshots() }
        return try body()
    }

    /// When a statement run under `withTimeLimit` must stop (`MonotonicClock` microseconds).
    private var deadline: Int64 = .max

    /// Runs `body` with a time limit: SQLite's progress handler (every 1,000 virtual-machine steps) interrupts the
    /// running statement once `limit` has passed, and the interrupt is thrown as `.timedOut`. No limit when nil.
    func withTimeLimit<T>(_ limit: Duration?, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        guard let limit, limit > .zero else { return try body() }
        let parts = limit.components
        deadline = MonotonicClock.microseconds() + parts.seconds * 1_000_000 + parts.attoseconds / 1_000_000_000_000
        sqlite3_progress_handler(
            handle, 1000,
            { context in
                guard let context else { return 0 }
                let connection = Unmanaged<SQLiteConnection>.fromOpaque(context).takeUnretainedValue()
                return MonotonicClock.microseconds() >= connection.deadline ? 1 : 0
            }, Unmanaged.passUnretained(self).toOpaque())
        defer {
            sqlite3_progress_handler(handle, 0, nil, nil)
            deadline = .max
        }
        return try body()
    }

    private func releaseSnapshots() {
        for statement in statements.values { sqlite3_reset(statement.handle) }
    }

    /// Runs `body` in `BEGIN IMMEDIATE … COMMIT` (a `call`, with no statement left open before it); any error
    /// rolls back.
    func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        releaseSnapshots()
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement.
    var changes: Int { Int(sqlite3_changes(handle)) }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    static func error(_ status: Int32, _ message: String) -> StoreError {
        switch status & 0xff {
        case SQLITE_INTERRUPT:
            StoreError(.timedOut, "search stopped at its time limit ([search] timeout): \(message)")
        case SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_FULL, SQLITE_READONLY:
            StoreError(.unavailable, "database unavailable: \(message)")
        default:
            StoreError(.failed, "database error: \(message)")
        }
    }
}

/// A prepared statement: bind by index (from 1), step, read columns (from 0).
final class SQLiteStatement {
    let handle: OpaquePointer
    private unowned let connection: SQLiteConnection

    init(_ handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ index: Int32, _ value: String?) {
        if let value {
            sqlite3_bind_text(handle, index, value, -1, gaceta_sqlite_transient())
        } else {
            sqlite3_bind_null(handle, index)
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }

    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(handle, index, value) }

    /// True while there is a row to read.
    func step() throws(StoreError) -> Bool {
        let status = sqlite3_step(handle)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteConnection.error(status, connection.lastError)
        }
    }

    /// Steps to completion (for statements without rows).
    func run() throws(StoreError) {
        while try step() {}
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
}
