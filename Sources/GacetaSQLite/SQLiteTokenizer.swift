@preconcurrency import CSQLite
import GacetaCore
import GacetaText

/// Registers the `gaceta` FTS5 tokenizer on a connection: GacetaText's Spanish tokenizer. Documents are
/// indexed twice at each position, stemmed and folded ("contrataciones" → "contrat" + "contrataciones"), so
/// word queries match by stem ("canciones" finds "canción") and prefix queries, which are folded but not
/// stemmed, match what people typed ("contrata*" finds "contratación" but not "contrato").
enum SQLiteTokenizer {
    static let name = "gaceta"

    /// One tokenizer object per FTS5 table instance; FTS5 calls it from the connection's thread only.
    private final class Instance {
        let tokenizer = SpanishTokenizer()
        let stemmer = SpanishStemmer()
    }

    static func register(on connection: SQLiteConnection) throws(StoreError) {
        let api = try fts5API(connection)
        var methods = fts5_tokenizer(
            xCreate: { _, _, _, output in
                let instance = Unmanaged.passRetained(Instance()).toOpaque()
                output?.pointee = OpaquePointer(instance)
                return SQLITE_OK
            },
            xDelete: { tokenizer in
                guard let tokenizer else { return }
                Unmanaged<Instance>.fromOpaque(UnsafeRawPointer(tokenizer)).release()
            },
            xTokenize: { tokenizer, context, flags, text, length, xToken in
                guard let tokenizer, let xToken else { return SQLITE_ERROR }
                func emit(
                    _ context: UnsafeMutableRawPointer?, _ flags: Int32, _ token: UnsafeBufferPointer<UInt8>,
                    _ range: Range<Int>
                ) -> Int32 {
                    token.withMemoryRebound(to: CChar.self) { chars in
                        xToken(
                            context, flags, chars.baseAddress, Int32(chars.count), Int32(range.lowerBound),
                            Int32(range.upperBound))
                    }
                }
                guard let text, length > 0 else { return SQLITE_OK }
                let instance = Unmanaged<Instance>.fromOpaque(UnsafeRawPointer(tokenizer)).takeUnretainedValue()
                let isPrefix = flags & GACETA_FTS5_TOKENIZE_PREFIX != 0
                var status = SQLITE_OK
                let bytes = UnsafeRawPointer(text).bindMemory(to: UInt8.self, capacity: Int(length))
                let isDocument = flags & FTS5_TOKENIZE_DOCUMENT != 0
                let input = UnsafeBufferPointer(start: bytes, count: Int(length))
                // Documents are tokenized folded and stemmed once, both forms at the same position; queries
                // ask for the stem, prefix queries for the folded form.
                instance.tokenizer.tokenize(input, stem: !isPrefix && !isDocument) { token, range in
                    var form = token
                    if isDocument && !token.contains(where: { (48...57).contains($0) }) {
                        form = instance.stemmer.stem(bytes: token)
                    }
                    status = emit(context, 0, form, range)
                    if status == SQLITE_OK && isDocument && !form.elementsEqual(token) {
                        status = emit(context, FTS5_TOKEN_COLOCATED, token, range)
                    }
                    return status == SQLITE_OK
                }
                return status
            })
        let status = api.pointee.xCreateTokenizer(api, name, nil, &methods, nil)
        guard status == SQLITE_OK else {
            throw StoreError(.failed, "cannot register the FTS5 tokenizer '\(name)': \(connection.lastError)")
        }
    }

    /// The connection's `fts5_api`, fetched with `SELECT fts5(?1)` and a bound pointer.
    private static func fts5API(_ connection: SQLiteConnection) throws(StoreError) -> UnsafeMutablePointer<fts5_api> {
        var api: UnsafeMutablePointer<fts5_api>?
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection.handle, "SELECT fts5(?1)", -1, &statement, nil) == SQLITE_OK else {
            throw StoreError(.failed, "this SQLite has no FTS5: \(connection.lastError)")
        }
        defer { sqlite3_finalize(statement) }
        withUnsafeMutablePointer(to: &api) { pointer in
            _ = sqlite3_bind_pointer(statement, 1, pointer, "fts5_api_ptr", nil)
            _ = sqlite3_step(statement)
        }
        guard let api, api.pointee.iVersion >= 2 else {
            throw StoreError(.failed, "this SQLite's FTS5 API is missing or too old")
        }
        return api
    }
}
