/// The search index: ranked passages for a parsed search (the search route, chat retrieval, `gacetachat search`).
public protocol SearchIndex: AnyObject {
    func search(_ request: SearchRequest) throws(StoreError) -> SearchResults
}

/// How many chunks the index holds and how many of them hold each term: IDF over the whole index (chat's
/// retrieval picks a question's rare words by it, and weighs every word by it).
public protocol TermStatistics: AnyObject {
    /// The chunks indexed, and for each of `stems` (as the index holds them: `IndexTerms`' stems, folded,
    /// Snowball, numbers as their digits) the chunks holding it; a stem no chunk holds counts 0.
    func termStatistics(stems: [String]) throws(StoreError) -> IndexStatistics
}

/// Chunks indexed and chunks per term (`TermStatistics`).
public struct IndexStatistics: Sendable, Equatable {
    public var chunks: Int
    /// Stem → chunks holding it.
    public var documentFrequency: [String: Int]

    public init(chunks: Int, documentFrequency: [String: Int]) {
        self.chunks = chunks
        self.documentFrequency = documentFrequency
    }
}

/// Editions, their documents and pages, as the browsing routes read them.
public protocol EditionCatalogue: AnyObject {
    /// Editions, newest first.
    func editions(limit: Int, offset: Int) throws(StoreError) -> [Edition]
    func edition(date: String) throws(StoreError) -> [Edition]
    func documents(editionID: Int64) throws(StoreError) -> [Document]
    func document(id: Int64) throws(StoreError) -> Document?
    func page(documentID: Int64, index: Int) throws(StoreError) -> Page?
    /// The file document `id` was ingested from (path and SHA-256; a notice's is its edition's file), or nil when
    /// there is no such document.
    func documentSource(id: Int64) throws(StoreError) -> DocumentSource?
    /// The pages of a document stored without text (scans not read by OCR), 1-based.
    func pagesWithoutText(documentID: Int64) throws(StoreError) -> [Int]
    /// The notice whose key is `key` (the newest edition's, should two share it), or nil.
    func notice(key: String) throws(StoreError) -> Document?
}

/// Conversations and their turns (the chat workflow).
public protocol ConversationStore: AnyObject {
    /// Starts a conversation under `id` (unguessable, chosen by the caller) at `now` (ISO 8601 UTC).
    func createConversation(id: String, now: String) throws(StoreError)
    /// The conversation with its turns in order, or nil.
    func conversation(id: String) throws(StoreError) -> Conversation?
    func appendTurn(_ turn: ConversationTurn, conversationID: String) throws(StoreError)
    /// Rewrites stored citations (a re-split moves pages to new documents): `remap` gets each turn's citations and
    /// returns new ones, or nil to leave them; returns how many turns changed.
    @discardableResult func remapCitations(_ remap: ([Citation]) -> [Citation]?) throws(StoreError) -> Int
    /// Deletes conversations not touched since `cutoff` (ISO 8601 UTC); returns how many.
    @discardableResult func purgeConversations(before cutoff: String) throws(StoreError) -> Int
}

/// Where ingestion puts documents.
public protocol DocumentSink: AnyObject {
    /// Stores one document in one transaction; a source path already stored with the same SHA-256 is a no-op,
    /// with another SHA-256 its old document is replaced.
    @discardableResult func ingest(_ document: IngestDocument) throws(StoreError) -> IngestOutcome
    /// Stores a gazette edition as its notices in one transaction: a file already stored with the same SHA-256
    /// changes nothing; otherwise the edition (found by its file or by date, number, kind and Alcance number) loses
    /// its old documents for the new ones. An Alcance points at that day's regular edition (`supplement_of`).
    @discardableResult func ingest(edition: IngestEdition) throws(StoreError) -> EditionIngestOutcome
    /// Every PDF documents were stored from (an edition's file, or a whole document's), path and SHA-256.
    func storedPDFs() throws(StoreError) -> [DocumentSource]
    /// The documents stored from the file at `path`: an edition's notices, or the whole document.
    func documentIDs(ofFile path: String) throws(StoreError) -> [Int64]
    /// What is stored from the file at `path` (its edition and documents, `.unchanged`), or nil.
    func storedFile(path: String) throws(StoreError) -> EditionIngestOutcome?
    /// The edition a stored document belongs to, or nil when there is no such document.
    func editionID(ofDocument id: Int64) throws(StoreError) -> Int64?
    /// The SHA-256 stored for `path` (a whole document's or an edition's file), to skip unchanged files before
    /// parsing them.
    func sourceDigest(path: String) throws(StoreError) -> String?
}

/// Administration (the admin API and `gacetachat admin`).
public protocol StoreAdministration: AnyObject {
    /// Stores a new admin token's hash; `.failed` when the name or the hash is taken.
    func createAdminToken(_ token: AdminToken) throws(StoreError)
    /// Every admin token, oldest first.
    func adminTokens() throws(StoreError) -> [AdminToken]
    /// Deletes the token named `name`; false when there is none.
    @discardableResult func revokeAdminToken(name: String) throws(StoreError) -> Bool
    /// Deletes one document with its pages, chunks and index entries; a notice of a split edition is refused
    /// (`.partOfEdition`: delete the edition).
    @discardableResult func removeDocument(id: Int64) throws(StoreError) -> DocumentRemoval
    /// Deletes an edition and all its documents; the number of documents deleted, nil when there is no edition.
    @discardableResult func removeEdition(id: Int64) throws(StoreError) -> Int?
    /// Rebuilds the full-text index from the stored chunks (after a tokenizer change); the chunks indexed.
    @discardableResult func reindex() throws(StoreError) -> Int
}

/// The schema and the database's health.
public protocol StoreMaintenance: AnyObject {
    /// Schema versions applied by this call (empty when already current).
    @discardableResult func migrate() throws(StoreError) -> [Int]
    /// The schema version in the database, and the one this build needs.
    func schemaVersion() throws(StoreError) -> (current: Int, required: Int)
    /// Cheap check that the database answers (for `/health`).
    func ping() throws(StoreError)
    /// What the database holds (all zero before the first migration).
    func contents() throws(StoreError) -> StoreContents
}

/// Backups: each driver copies its database its own way (SQLite's online backup API, `pg_dump`).
public protocol StoreBackup: AnyObject {
    /// Writes a consistent copy of the database to the new file `path`; returns the copy's schema version.
    func dump(to path: String) throws -> Int
    /// Replaces the database's content with the copy at `path` (made by `dump`).
    func restore(from path: String) throws
}

/// Every store protocol at once: only the store targets and the command line's wiring name it; everything else
/// asks for the narrow protocol it uses. SQLite (embedded default) and PostgreSQL implement it and pass the same
/// conformance tests. One instance per worker process, opened at start; not shared between threads.
public protocol Store: SearchIndex, TermStatistics, EditionCatalogue, ConversationStore, DocumentSink,
    StoreAdministration, StoreMaintenance, StoreBackup, FetchLog, SummaryStore, EditionCalendar, AlertStore,
    NoticeFeed
{}

/// A store failure, classified so HTTP can answer 503 for an unavailable database.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Cannot reach or open the database (or it is busy past the timeout).
        case unavailable
        /// The schema is older than this build needs.
        case schemaOutdated
        /// The query could not be run as written (a bug or unsupported input).
        case invalidQuery
        /// The search ran past `[search] timeout` and was stopped.
        case timedOut
        case failed
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// How much a database holds; a restore refuses to overwrite one that holds anything (unless forced).
public struct StoreContents: Sendable, Equatable, CustomStringConvertible {
    public var editions: Int
    public var documents: Int
    public var conversations: Int

    public init(editions: Int, documents: Int, conversations: Int) {
        self.editions = editions
        self.documents = documents
        self.conversations = conversations
    }

    public var isEmpty: Bool { editions == 0 && documents == 0 && conversations == 0 }

    public var description: String {
        "\(editions) editions, \(documents) documents, \(conversations) conversations"
    }
}
