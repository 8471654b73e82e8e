import GacetaChat
import GacetaCore

extension AdminHandler {
    /// Generates and stores the date's summary: 200 with it (as `GET …/summary` shows it), or 404
    /// `summary_missing` with the reason (422 when the date's editions hold nothing to summarise; 503 when the
    /// store failed).
    static func summarize(_ value: String, with summarize: (String) -> SummaryService.Outcome) throws -> Response {
        guard let date = try SearchParameters.date(value, name: "date") else {
            throw HTTPError.badRequest("'date' must be a date written YYYY-MM-DD, e.g. 2024-07-15")
        }
        switch summarize(date) {
        case .stored(let summary, _):
            var response = Response.json(SummaryBody(summary))
            response.logFields = [
                ("date", date), ("bullets", String(summary.bullets.count)), ("provider", summary.provider),
            ]
            return response
        case .failed(let reason, let message):
            var error = SummaryBody.missing(date, reason: reason.rawValue, message)
            switch reason {
            case .noNotices: error = HTTPError(status: 422, code: error.code, message: error.message)
            case .storeError:
                error = HTTPError(
                    status: 503, code: "database_unavailable",
                    message: "the database failed while summarising \(date); try again shortly",
                    headers: [("Retry-After", "5")])
            case .noEdition, .modelFailed: break
            }
            throw error
        }
    }
}
