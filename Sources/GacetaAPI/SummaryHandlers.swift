import GacetaCore

/// `GET /api/v1/editions/{date}/summary`: the day's stored summary, or 404 `summary_missing` saying why there is
/// none (never an empty 200).
struct SummaryHandlers {
    let summaries: any SummaryStore
    let catalogue: any EditionCatalogue
    /// `server.cache_ttl` in seconds (0: nginx caches nothing).
    var cacheSeconds = 0

    func register(on router: inout Router) {
        router.get("/api/v1/editions/{date}/summary") { _, parameters in
            var response = try summary(parameters["date"] ?? "")
            if cacheSeconds > 0 { response.headers.add("X-Accel-Expires", String(cacheSeconds)) }
            return response
        }
    }

    private func summary(_ value: String) throws -> Response {
        guard let date = try SearchParameters.date(value, name: "date") else {
            throw HTTPError.badRequest("'date' must be a date written YYYY-MM-DD, e.g. 2024-07-15")
        }
        let stored = try summaries.summary(date: date)
        if let summary = stored?.summary { return Response.json(SummaryBody(summary)) }
        if let failure = stored?.failure { throw SummaryBody.missing(date, reason: failure.reason, failure.message) }
        guard try !catalogue.edition(date: date).isEmpty else {
            throw SummaryBody.missing(
                date, reason: SummaryFailure.noEdition.rawValue, "no edition of \(date) is stored")
        }
        throw SummaryBody.missing(date, reason: "not_generated", "the summary has not been generated yet")
    }
}
