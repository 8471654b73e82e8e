import GacetaChat
import GacetaCore
import GacetaIngest
import GacetaSystem
import Glibc

/// What the admin API needs beyond the store, wired by the executable.
public struct AdminContext {
    /// The name of the admin token whose hash matches `presented` (compared in constant time), or nil.
    public let authenticate: (_ presented: String) throws -> String?
    /// Ingests the file at `path` (`date`: the edition date when the PDF shows none).
    public let ingest: (_ path: String, _ date: String?) -> IngestPipeline.FileOutcome
    /// Where uploads are written before they are ingested (and removed after).
    public let uploadDirectory: String
    /// Whether a client address (`REMOTE_ADDR`) is in `[admin] allowed_networks`; checked before the token.
    public let allowsAddress: (String) -> Bool
    /// Generates and stores a date's summary (`POST /api/v1/admin/editions/{date}/summary`); nil leaves it out.
    public var summarize: ((_ date: String) -> SummaryService.Outcome)?

    public init(
        authenticate: @escaping (String) throws -> String?,
        ingest: @escaping (String, String?) -> IngestPipeline.FileOutcome, uploadDirectory: String,
        allowsAddress: @escaping (String) -> Bool, summarize: ((String) -> SummaryService.Outcome)? = nil
    ) {
        self.summarize = summarize
        self.authenticate = authenticate
        self.ingest = ingest
        self.uploadDirectory = uploadDirectory
        self.allowsAddress = allowsAddress
    }
}

/// `/api/v1/admin/…`: upload a PDF, delete a document or an edition, re-index. Every request comes from a network
/// in `[admin] allowed_networks` (else 403 `forbidden_network`, before the token is looked at) and needs
/// `Authorization: Bearer TOKEN` (401 without one, 403 with a wrong one); every action, refused or done, is in
/// the request's log line (`admin=NAME action=…`).
struct AdminHandler {
    let store: any StoreAdministration
    let context: AdminContext

    func register(on router: inout Router) {
        router.post("/api/v1/admin/documents") { request, _ in
            try authorized(request, action: "upload") { name in try upload(request, admin: name) }
        }
        router.add("DELETE", "/api/v1/admin/documents/{id}") { request, parameters in
            try authorized(request, action: "delete_document") { _ in try deleteDocument(parameters["id"] ?? "") }
        }
        router.add("DELETE", "/api/v1/admin/editions/{id}") { request, parameters in
            try authorized(request, action: "delete_edition") { _ in try deleteEdition(parameters["id"] ?? "") }
        }
        router.post("/api/v1/admin/reindex") { request, _ in
            try authorized(request, action: "reindex") { _ in try reindex() }
        }
        if let summarize = context.summarize {
            router.post("/api/v1/admin/editions/{date}/summary") { request, parameters in
                try authorized(request, action: "summarize") { _ in
                    try Self.summarize(parameters["date"] ?? "", with: summarize)
                }
            }
        }
    }

    /// Runs `body` for an authenticated admin; any answer, error or not, carries the admin and the action into the
    /// log line.
    private func authorized(_ request: Request, action: String, _ body: (String) throws -> Response) throws
        -> Response
    {
        var admin = "-"
        var response: Response
        do {
            guard context.allowsAddress(request.remoteAddress) else {
                throw HTTPError(
                    status: 403, code: "forbidden_network",
                    message: "the admin API answers only the networks in [admin] allowed_networks")
            }
            admin = try authenticate(request)
            response = try body(admin)
        } catch let error as any HTTPResponseError where error.status != 500 {
            response = Response.error(error)  // a 500 goes on to the router, which logs its detail
        }
        response.logFields = [("admin", admin), ("action", action)] + response.logFields
        return response
    }

    private func authenticate(_ request: Request) throws -> String {
        guard let header = request.headers["Authorization"], !header.isEmpty else {
            throw HTTPError(
                status: 401, code: "unauthorized",
                message: "the admin API needs 'Authorization: Bearer TOKEN' (gacetachat admin token create)",
                headers: [("WWW-Authenticate", "Bearer realm=\"gacetachat-admin\"")])
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw HTTPError(
                status: 401, code: "unauthorized", message: "the Authorization header must be 'Bearer TOKEN'",
                headers: [("WWW-Authenticate", "Bearer realm=\"gacetachat-admin\"")])
        }
        guard let name = try context.authenticate(String(parts[1])) else {
            throw HTTPError(
                status: 403, code: "forbidden", message: "this admin token is not valid (revoked or mistyped)")
        }
        return name
    }

    private func upload(_ request: Request, admin: String) throws -> Response {
        let form = try MultipartForm(body: request.body, contentType: request.headers["Content-Type"])
        guard let file = form.part("file"), let filename = file.filename else {
            throw HTTPError.badRequest("send the PDF in a form field named 'file' (curl -F file=@gaceta.pdf)")
        }
        let name = Self.safeName(filename)
        guard name.lowercased().hasSuffix(".pdf"), file.body.starts(with: Array("%PDF-".utf8)) else {
            throw HTTPError(
                status: 415, code: "unsupported_media_type", message: "'\(filename.prefix(100))' is not a PDF file")
        }
        let date = try SearchParameters.date(
            form.part("date").map { String(decoding: $0.body, as: UTF8.self) }, name: "date")
        let path = try write(file.body, named: name)
        defer { unlink(path) }
        var response: Response
        switch context.ingest(path, date) {
        case .stored(let file):
            let kind = file.change.rawValue
            response = Response.json(UploadBody(file), status: file.change == .inserted ? 201 : 200)
            response.logFields = [
                ("edition_id", String(file.editionID)), ("documents", String(file.documents.count)), ("outcome", kind),
            ]
        case .unchanged:
            response = Response.json(UploadBody(editionID: nil, outcome: "unchanged", documents: [], pages: nil))
            response.logFields = [("outcome", "unchanged")]
        case .failed(let reason):
            throw HTTPError(
                status: 422, code: "unprocessable_file", message: "'\(name)' could not be ingested: \(reason)")
        case .noEdition:
            throw HTTPError(
                status: 422, code: "no_edition",
                message: "'\(name)' is the publisher's placeholder for a day without an edition; nothing was stored")
        }
        response.logFields.append(("file", name))
        return response
    }

    /// Writes the upload under its own name (the same name uploaded again replaces its document, as `ingest` does
    /// with the same path), through a temporary file and a rename.
    private func write(_ bytes: ArraySlice<UInt8>, named name: String) throws -> String {
        if let slash = context.uploadDirectory.lastIndex(of: "/"), slash != context.uploadDirectory.startIndex {
            mkdir(String(context.uploadDirectory[..<slash]), 0o755)  // storage.files_dir, before the first ingest
        }
        mkdir(context.uploadDirectory, 0o700)
        let path = "\(context.uploadDirectory)/\(name)"
        do {
            try AtomicFile.write(bytes, to: path, mode: 0o600)
        } catch let error as SystemError {
            throw UploadError("cannot write \(path): \(error.reason)")
        }
        return path
    }

    /// The file's base name with anything but letters, digits, `.`, `_` and `-` replaced by `_`.
    static func safeName(_ filename: String) -> String {
        let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(
            base.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (isalnum(Int32(scalar.value)) != 0 || "._-".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            }
            .prefix(120))
        return cleaned.hasPrefix(".") ? "_" + cleaned : (cleaned.isEmpty ? "upload.pdf" : cleaned)
    }

    private func deleteDocument(_ id: String) throws -> Response {
        guard let number = Int64(id), number > 0 else { throw HTTPError.notFound("no document \(id.prefix(40))") }
        switch try store.removeDocument(id: number) {
        case .removed: break
        case .notFound: throw HTTPError.notFound("no document \(number)")
        case .partOfEdition(let edition):
            throw HTTPError(
                status: 409, code: "part_of_edition",
                message:
                    "document \(number) is a notice of edition \(edition); delete the edition (DELETE /api/v1/admin/editions/\(edition))"
            )
        }
        var response = Response.json(DeletedBody(deleted: "document", id: number, documents: 1))
        response.logFields = [("document_id", String(number))]
        return response
    }

    private func deleteEdition(_ id: String) throws -> Response {
        guard let number = Int64(id), number > 0 else { throw HTTPError.notFound("no edition \(id.prefix(40))") }
        let removed = try store.removeEdition(id: number)
        guard let removed else { throw HTTPError.notFound("no edition \(number)") }
        var response = Response.json(DeletedBody(deleted: "edition", id: number, documents: removed))
        response.logFields = [("edition_id", String(number)), ("documents", String(removed))]
        return response
    }

    private func reindex() throws -> Response {
        let chunks = try store.reindex()
        var response = Response.json(["reindexed_chunks": chunks])
        response.logFields = [("chunks", String(chunks))]
        return response
    }

    /// `{"edition_id","outcome","documents":[{id,title,first_page,last_page}],"pages"}`.
    private struct UploadBody: Encodable {
        struct StoredDocument: Encodable {
            let id: Int64
            let title: String
            let firstPage: Int
            let lastPage: Int

            enum CodingKeys: String, CodingKey {
                case id, title
                case firstPage = "first_page"
                case lastPage = "last_page"
            }
        }

        let editionID: Int64?
        let outcome: String
        let documents: [StoredDocument]
        let pages: Int?
        /// Pages without text (scans): a worker never runs OCR; `gacetachat reindex --resplit` reads them.
        let pagesWithoutText: [Int]

        enum CodingKeys: String, CodingKey {
            case editionID = "edition_id"
            case pagesWithoutText = "pages_without_text"
            case outcome, documents, pages
        }

        init(editionID: Int64?, outcome: String, documents: [StoredDocument], pages: Int?) {
            pagesWithoutText = []
            self.editionID = editionID
            self.outcome = outcome
            self.documents = documents
            self.pages = pages
        }

        init(_ file: IngestedFile) {
            pagesWithoutText = file.pagesWithoutText
            editionID = file.editionID
            outcome = file.change.rawValue
            documents = file.documents.map {
                StoredDocument(id: $0.id, title: $0.title, firstPage: $0.firstPage, lastPage: $0.lastPage)
            }
            pages = file.pages > 0 ? file.pages : file.documents.map(\.lastPage).max()
        }
    }

    private struct DeletedBody: Encodable {
        let deleted: String
        let id: Int64
        let documents: Int
    }

    private struct UploadError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
