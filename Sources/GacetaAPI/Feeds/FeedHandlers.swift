import GacetaAlerts
import GacetaCore

/// The Atom feeds: `/api/v1/editions.atom` (one entry per edition, newest first, its day's summary as content when
/// there is one, else its notices' titles) and `/api/v1/search.atom` (a saved
/// search: the 50 most recent matching notices, all words required, never relaxed). Entry ids are `tag:` URIs
/// (RFC 4151) made of what stays the same across runs: the edition's date and number, the notice's key.
/// Without `server.public_url` (every link in a feed is absolute) both answer 404 `feeds_disabled`.
struct FeedHandlers {
    let catalogue: any EditionCatalogue
    let notices: (any NoticeFeed)?
    /// The daily summaries: a regular edition's entry carries its date's summary, when there is one.
    var summaries: (any SummaryStore)?
    let publicURL: String?
    var cacheSeconds = 0

    /// Editions in the editions feed; entries in the search feed.
    static let editionCount = 30
    static let noticeCount = 50
    static let contentType = "application/atom+xml; charset=utf-8"

    func register(on router: inout Router) {
        router.get("/api/v1/editions.atom") { request, _ in try editions(request) }
        router.get("/api/v1/search.atom") { request, _ in try search(request) }
    }

    private func site() throws(HTTPError) -> String {
        guard let publicURL else {
            throw HTTPError(
                status: 404, code: "feeds_disabled",
                message: "feeds need server.public_url (their links are absolute); this server has none")
        }
        return publicURL
    }

    /// `tag:HOST,2024:` — the authority is the public URL's host.
    private func tagPrefix(_ site: String) -> String {
        let host = site.split(separator: "/").dropFirst().first.map(String.init) ?? "gacetachat"
        let name = host.hasPrefix("[") ? host : String(host.split(separator: ":").first ?? Substring(host))
        return "tag:\(name.lowercased()),2024:"
    }

    private func editions(_ request: Request) throws -> Response {
        let site = try site()
        let section = try request.query("section")?.trimmed.nonEmpty
        if let section, section.unicodeScalars.count > 100 {
            throw HTTPError.badRequest("'section' has at most 100 characters")
        }
        let editions = try catalogue.editions(limit: Self.editionCount, offset: 0)
        var entries: [AtomFeed.Entry] = []
        for edition in editions {
            var documents = try catalogue.documents(editionID: edition.id).filter { !$0.isSumario }
            if let section {
                let wanted = section.lowercased()
                documents = documents.filter { $0.section?.lowercased() == wanted || $0.type?.lowercased() == wanted }
                if documents.isEmpty { continue }
            }
            var content = documents.map { "• \($0.title)" }.joined(separator: "\n")
            if section == nil, edition.kind == .regular,
                let summary = try summaries?.summary(date: edition.date)?.summary, !summary.bullets.isEmpty
            {
                content = summary.bullets.map { "• \($0.text) (\($0.documentTitle), página \($0.page))" }
                    .joined(separator: "\n")
            }
            entries.append(
                AtomFeed.Entry(
                    id: tagPrefix(site) + "edition:\(edition.date):" + Self.kind(edition),
                    title: "\(Self.name(edition)) del \(edition.date)", updated: "\(edition.date)T00:00:00Z",
                    link: "\(site)/#/ediciones/\(edition.date)",
                    summary: documents.count == 1 ? "1 publicación" : "\(documents.count) publicaciones",
                    content: content.isEmpty ? nil : content))
        }
        let query = section.map { "?section=" + AlertLinks.percentEncoded($0) } ?? ""
        let feed = AtomFeed(
            id: tagPrefix(site) + "editions"
                + (section.map { ":section:" + AlertLinks.percentEncoded($0.lowercased()) } ?? ""),
            title: "La Gaceta: ediciones" + (section.map { " (\($0))" } ?? ""),
            subtitle: "Las ediciones de La Gaceta guardadas en GacetaChat, la más reciente primero",
            updated: entries.first?.updated ?? "2000-01-01T00:00:00Z", selfLink: "\(site)/api/v1/editions.atom\(query)",
            alternateLink: "\(site)/#/ediciones", entries: entries)
        return atom(feed)
    }

    private func search(_ request: Request) throws -> Response {
        let site = try site()
        guard let notices else { throw HTTPError.notFound("this store has no notices feed") }
        let type = try request.query("type")?.trimmed.nonEmpty
        let parameters = SearchParameters(
            query: try request.query("q"), from: try request.query("from"), to: try request.query("to"),
            section: try request.query("section"))
        let searchRequest = try parameters.request()
        if let type, type.unicodeScalars.count > 100 { throw HTTPError.badRequest("'type' has at most 100 characters") }
        let found = try notices.recentNotices(matching: searchRequest, type: type, limit: Self.noticeCount)
        let text = parameters.query?.trimmed ?? ""
        let entries = found.map { notice in
            let edition =
                notice.editionNumber.map { "La Gaceta Nº \($0) del \(notice.editionDate)" }
                ?? "La Gaceta del \(notice.editionDate)"
            return AtomFeed.Entry(
                id: tagPrefix(site) + "notice:" + AlertLinks.percentEncoded(notice.stableKey),
                title: notice.title, updated: "\(notice.editionDate)T00:00:00Z",
                link: "\(site)/#/documento/\(notice.documentID)/pagina/\(notice.page)",
                summary: "\(edition), página \(notice.page)",
                categories: [notice.type, notice.section].compactMap { $0 })
        }
        var selfQuery = "?q=" + AlertLinks.percentEncoded(text)
        var key = "search:" + AlertLinks.percentEncoded(text.lowercased())
        for (name, value) in [
            ("section", searchRequest.section), ("type", type), ("from", searchRequest.from), ("to", searchRequest.to),
        ] {
            guard let value else { continue }
            selfQuery += "&\(name)=" + AlertLinks.percentEncoded(value)
            key += ":\(name):" + AlertLinks.percentEncoded(value.lowercased())
        }
        let feed = AtomFeed(
            id: tagPrefix(site) + key, title: "La Gaceta: «\(text)»",
            subtitle: "Las \(Self.noticeCount) publicaciones más recientes que contienen todas las palabras",
            updated: entries.first?.updated ?? "2000-01-01T00:00:00Z",
            selfLink: "\(site)/api/v1/search.atom\(selfQuery)",
            alternateLink: AlertLinks.search(site: site, text),
            entries: entries)
        return atom(feed)
    }

    /// `regular`, or `alcance-78`: with the date, what identifies an edition whatever its stored id.
    static func kind(_ edition: Edition) -> String {
        switch edition.kind {
        case .regular: "regular"
        case .alcance: "alcance-\(edition.alcanceNumber.map(String.init) ?? edition.number ?? "0")"
        }
    }

    /// «La Gaceta Nº 129», «Alcance Nº 78 a La Gaceta».
    static func name(_ edition: Edition) -> String {
        let publication = edition.publication ?? "La Gaceta"
        switch edition.kind {
        case .regular: return edition.number.map { "\(publication) Nº \($0)" } ?? publication
        case .alcance: return "Alcance Nº \(edition.alcanceNumber.map(String.init) ?? "?") a \(publication)"
        }
    }

    private func atom(_ feed: AtomFeed) -> Response {
        var headers = Headers()
        headers.add("Content-Type", Self.contentType)
        if cacheSeconds > 0 { headers.add("X-Accel-Expires", String(cacheSeconds)) }
        return Response(status: 200, headers: headers, body: feed.rendered())
    }
}
