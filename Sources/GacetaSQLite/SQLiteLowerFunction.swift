@preconcurrency import CSQLite
import GacetaCore

/// `gaceta_lower(text)`: Unicode lower case (SQLite's own `lower()` and `NOCASE` fold ASCII only), so that the
/// `type` and `institution` filters match "MUNICIPALIDAD DE ESCAZÚ" as PostgreSQL's `lower()` does.
enum SQLiteLowerFunction {
    static let name = "gaceta_lower"

    static func register(on connection: SQLiteConnection) throws(StoreError) {
        let status = sqlite3_create_function_v2(
            connection.handle, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
            { context, count, values in
                guard count == 1, let value = values?[0], sqlite3_value_type(value) != SQLITE_NULL,
                    let text = sqlite3_value_text(value)
                else {
                    sqlite3_result_null(context)
                    return
                }
                let bytes = Int(sqlite3_value_bytes(value))
                let lower = String(decoding: UnsafeBufferPointer(start: text, count: bytes), as: UTF8.self).lowercased()
                sqlite3_result_text(context, lower, -1, gaceta_sqlite_transient())
            }, nil, nil, nil)
        guard status == SQLITE_OK else {
            throw SQLiteConnection.error(status, "cannot register \(name): \(connection.lastError)")
        }
    }
}
