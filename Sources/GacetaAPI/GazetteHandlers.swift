import GacetaCore
import Glibc

/// Search and browsing: `/api/v1/search`, editions, documents, their pages and their PDFs.
struct GazetteHandlers {
    let search: any SearchIndex
    let catalogue: any EditionCatalogue
    /// Where the kept PDFs are (`storage.files_dir`); nil skips the check that the file is there.
    let filesDirectory: String?
    /// `server.cache_ttl` in seconds: how long nginx may keep a search or edition answer; 0 = never.
    var cacheSeconds = 0
    /// Editions by date range (`?from=&to=`, the calendar); nil answers only the paged list.
    var calendar: (any EditionCalendar)?

    /// nginx's `internal` location that aliases `storage.files_dir`.
    static let filesLocation = "/_gacetachat_files/"

    func register(on router: inout Router) {
        router.get("/api/v1/search") { request, _ in cacheable(try search(request)) }
        router.get("/api/v1/editions") { request, _ in cacheable(try editions(request)) }
        router.get("/api/v1/editions/{date}") { _, parameters in cacheable(try edition(parameters["date"] ?? "")) }
        router.get("/api/v1/documents/{id}") { _, parameters in cacheable(try document(parameters["id"] ?? "")) }
        router.get("/api/v1/documents/{id}/pages/{n}") { _, parameters in
            cacheable(try page(parameters["id"] ?? "", parameters["n"] ?? ""))
        }
        router.get("/api/v1/documents/{id}/pdf") { _, parameters in try pdf(parameters["id"] ?? "") }
        router.get("/api/v1/notices/{key}") { _, parameters in cacheable(try notice(parameters["key"] ?? "")) }
    }

    /// A successful answer nginx may cache (`X-Accel-Expires`, which nginx removes before the client sees it).
    /// Errors carry no expiry, and nginx caches nothing without one (no `fastcgi_cache_valid`).
    private func cacheable(_ response: Response) -> Response {
        guard cacheSeconds > 0, response.status == 200 else { return response }
        var response = response
        response.headers.add("X-Accel-Expires", String(cacheSeconds))
        return response
    }

    private func search(_ request: Request) throws -> Response {
        let parameters = SearchParameters(
            query: try request.query("q"), from: try request.query("from"), to: try request.query("to"),
            section: try request.query("section"), edition: try request.query("edition"),
            page: try request.query("page"), perPage: try request.query("per_page"), type: try request.query("type"),
            institution: try request.query("institution"), sort: try request.query("sort"))
        var searchRequest = try parameters.request()
        searchRequest.facets = true
        let relax = try SearchParameters.flag(try request.query("relax"), name: "relax", default: true)
        let outcome = try RelaxedSearch(index: search).search(searchRequest, allowed: relax)
        return Response.json(SearchBody(request: searchRequest, results: outcome.results, relaxed: outcome.relaxed))
    }

    private func editions(_ request: Request) throws -> Response {
        if let calendar, let range = try EditionRange.respond(request, calendar: calendar) { return range }
        let page = try request.integer("page", in: 1...10_000, default: 1)
        let perPage = try request.integer("per_page", in: 1...100, default: 30)
        let editions = try catalogue.editions(limit: perPage, offset: (page - 1) * perPage)
        return Response.json(EditionsBody(editions: editions.map { EditionBody($0) }, page: page, perPage: perPage))
    }

    private func edition(_ date: String) throws -> Response {
        guard let date = try SearchParameters.date(date, name: "date") else {
            throw HTTPError.notFound("no date given")
        }
        let editions = try catalogue.edition(date: date)
        guard !editions.isEmpty else { throw HTTPError.notFound("no edition published on \(date) is stored") }
        var bodies: [EditionBody] = []
        for edition in editions {
            let documents = try catalogue.documents(editionID: edition.id)
            bodies.append(EditionBody(edition, documents: documents.map { DocumentBody($0) }))
        }
        return Response.json(EditionsOfDayBody(date: date, editions: bodies))
    }

    private func document(_ id: String) throws -> Response {
        let document = try findDocument(id)
        return Response.json(
            DocumentBody(document, pagesWithoutText: try catalogue.pagesWithoutText(documentID: document.id)))
    }

    /// A notice by its key (the publication code, else edition date, number and position): stable across
    /// re-splits, unlike document ids.
    private func notice(_ key: String) throws -> Response {
        let valid =
            !key.isEmpty && key.utf8.count <= 80
            && key.unicodeScalars.allSatisfy { $0.isASCII && (isalnum(Int32($0.value)) != 0 || $0 == "-") }
        guard valid else {
            throw HTTPError.badRequest(
                "a notice key is a publication code (IN2024871234) or DATE-NUMBER-INDEX; got '\(key.prefix(40))'")
        }
        guard let document = try catalogue.notice(key: key) else { throw HTTPError.notFound("no notice \(key)") }
        return Response.json(DocumentBody(document))
    }

    private func page(_ id: String, _ number: String) throws -> Response {
        let document = try findDocument(id)
        guard let index = Int(number), index >= 1 else {
            throw HTTPError.badRequest("the page number must be a whole number from 1; got '\(number.prefix(20))'")
        }
        guard
            let page = try catalogue.page(documentID: document.id, index: index)
        else {
            let first = document.notice.firstPage ?? 1
            let last = document.notice.lastPage ?? document.pageCount
            throw HTTPError.notFound(
                "document \(document.id) is on pages \(first)–\(last) of its file; there is no page \(index) in it")
        }
        let source = try catalogue.documentSource(id: document.id)
        return Response.json(PageBody(page: page, document: document, hasPDF: source?.isPDF == true))
    }

    /// The original PDF, sent by nginx from the file store (`X-Accel-Redirect`): no worker streams the file.
    private func pdf(_ id: String) throws -> Response {
        let document = try findDocument(id)
        let source = try catalogue.documentSource(id: document.id)
        guard let source, source.isPDF, let relative = StoredFile.relativePath(sha256: source.sha256) else {
            throw HTTPError.notFound(
                "document \(document.id) was not published from a PDF; its text is at /api/v1/documents/\(document.id)/pages/1"
            )
        }
        if let filesDirectory, access("\(filesDirectory)/\(relative)", R_OK) != 0 {
            throw HTTPError.notFound(
                "the PDF of document \(document.id) is not in the file store; 'gacetachat ingest' of the file keeps it")
        }
        var headers = Headers()
        headers.add("Content-Type", "application/pdf")
        headers.add("Content-Disposition", "inline; filename=\"gaceta-\(document.editionDate)-\(document.id).pdf\"")
        headers.add("X-Accel-Redirect", Self.filesLocation + relative)
        return Response(status: 200, headers: headers)
    }

    private func findDocument(_ id: String) throws -> Document {
        guard let number = Int64(id), number > 0 else {
            throw HTTPError.badRequest("a document id is a positive whole number; got '\(id.prefix(20))'")
        }
        guard let document = try catalogue.document(id: number)
        else {
            throw HTTPError.notFound("no document \(number)")
        }
        return document
    }
}
