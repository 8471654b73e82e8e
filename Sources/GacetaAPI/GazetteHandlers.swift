import GacetaCore
import GacetaSearch

/// Search and browsing: `/api/v1/search`, editions, documents and their pages.
struct GazetteHandlers {
    let store: any Store

    func register(on router: inout Router) {
        router.get("/api/v1/search") { request, _ in try search(request) }
        router.get("/api/v1/editions") { request, _ in try editions(request) }
        router.get("/api/v1/editions/{date}") { _, parameters in try edition(parameters["date"] ?? "") }
        router.get("/api/v1/documents/{id}") { _, parameters in try document(parameters["id"] ?? "") }
        router.get("/api/v1/documents/{id}/pages/{n}") { _, parameters in
            try page(parameters["id"] ?? "", parameters["n"] ?? "")
        }
    }

    private func search(_ request: Request) throws -> Response {
        let parameters = SearchService.Parameters(
            query: try request.query("q"), from: try request.query("from"), to: try request.query("to"),
            section: try request.query("section"), edition: try request.query("edition"),
            page: try request.query("page"), perPage: try request.query("per_page"))
        let (searchRequest, results) = try SearchService(store: store).search(parameters)
        return Response.json(SearchBody(request: searchRequest, results: results))
    }

    private func editions(_ request: Request) throws -> Response {
        let page = Int(try request.query("page") ?? "1") ?? 0
        let perPage = Int(try request.query("per_page") ?? "30") ?? 0
        guard page >= 1, (1...100).contains(perPage) else {
            throw HTTPError.badRequest("'page' must be ≥ 1 and 'per_page' from 1 to 100")
        }
        let editions = try SearchService.mapped { () throws(StoreError) in
            try store.editions(limit: perPage, offset: (page - 1) * perPage)
        }
        return Response.json(EditionsBody(editions: editions.map { EditionBody($0) }, page: page, perPage: perPage))
    }

    private func edition(_ date: String) throws -> Response {
        guard let date = try SearchService.date(date, name: "date") else { throw HTTPError.notFound("no date given") }
        let editions = try SearchService.mapped { () throws(StoreError) in try store.edition(date: date) }
        guard !editions.isEmpty else { throw HTTPError.notFound("no edition published on \(date) is stored") }
        var bodies: [EditionBody] = []
        for edition in editions {
            let documents = try SearchService.mapped { () throws(StoreError) in
                try store.documents(editionID: edition.id)
            }
            bodies.append(EditionBody(edition, documents: documents.map(DocumentBody.init)))
        }
        return Response.json(EditionsOfDayBody(date: date, editions: bodies))
    }

    private func document(_ id: String) throws -> Response {
        let document = try findDocument(id)
        return Response.json(DocumentBody(document))
    }

    private func page(_ id: String, _ number: String) throws -> Response {
        let document = try findDocument(id)
        guard let index = Int(number), index >= 1 else {
            throw HTTPError.badRequest("the page number must be a whole number from 1; got '\(number.prefix(20))'")
        }
        guard
            let page = try SearchService.mapped({ () throws(StoreError) in
                try store.page(documentID: document.id, index: index)
            })
        else {
            throw HTTPError.notFound(
                "document \(document.id) has \(document.pageCount) pages; there is no page \(index)")
        }
        return Response.json(PageBody(page: page, document: document))
    }

    private func findDocument(_ id: String) throws -> Document {
        guard let number = Int64(id), number > 0 else {
            throw HTTPError.badRequest("a document id is a positive whole number; got '\(id.prefix(20))'")
        }
        guard let document = try SearchService.mapped({ () throws(StoreError) in try store.document(id: number) })
        else {
            throw HTTPError.notFound("no document \(number)")
        }
        return document
    }
}
