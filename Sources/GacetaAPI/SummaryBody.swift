import GacetaCore

/// The JSON of a day's summary (`GET /api/v1/editions/{date}/summary`, and the admin route that regenerates it).
struct SummaryBody: Encodable {
    struct Bullet: Encodable {
        let text: String
        let documentId: Int64
        let noticeKey: String
        let documentTitle: String
        /// The edition PDF's page, as everywhere.
        let page: Int
        let printedPage: String?
        let url: String
        let tags: [String]
        let provider: String
    }

    let date: String
    let editionNumber: String?
    let publication: String?
    let provider: String
    let fallbackReason: String?
    let generatedAt: String
    let bullets: [Bullet]

    init(_ summary: EditionSummary) {
        date = summary.date
        editionNumber = summary.editionNumber
        publication = summary.publication
        provider = summary.provider
        fallbackReason = summary.fallbackReason
        generatedAt = summary.generatedAt
        bullets = summary.bullets.map {
            Bullet(
                text: $0.text, documentId: $0.documentID, noticeKey: $0.noticeKey, documentTitle: $0.documentTitle,
                page: $0.page, printedPage: $0.printedPage, url: "/api/v1/documents/\($0.documentID)/pages/\($0.page)",
                tags: $0.tags, provider: $0.provider)
        }
    }

    /// 404 `summary_missing`, with the reason.
    static func missing(_ date: String, reason: String, _ message: String) -> HTTPError {
        HTTPError(status: 404, code: "summary_missing", message: "no summary of \(date) (\(reason)): \(message)")
    }
}

/// The editions of a date range (`GET /api/v1/editions?from=…&to=…`), for the calendar.
struct EditionRangeBody: Encodable {
    let from: String
    let to: String
    let editions: [EditionBody]
}
