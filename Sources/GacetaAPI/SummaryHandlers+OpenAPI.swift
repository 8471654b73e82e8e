/// The OpenAPI entries of `SummaryHandlers`' route and of the admin route that regenerates a summary.
extension SummaryHandlers {
    static let operations: [OpenAPIOperation] = [
        OpenAPIOperation(
            "GET", "/api/v1/editions/{date}/summary", id: "editionSummary",
            summary: "The day's summary: up to five bullets, each citing its notice and page (404 summary_missing "
                + "with the reason when there is none)",
            tags: ["browse"],
            parameters: [OpenAPIOperation.parameter("date", in: "path", OpenAPIOperation.date, description: "Date")],
            responses: OpenAPIOperation.storeErrors.merging([200: "Summary"]) { _, own in own })
    ]

    /// `POST /api/v1/admin/editions/{date}/summary` (listed with the admin routes).
    static let adminOperation = OpenAPIOperation(
        "POST", "/api/v1/admin/editions/{date}/summary", id: "summarize",
        summary: "Generate and store the day's summary", tags: ["admin"],
        parameters: [OpenAPIOperation.parameter("date", in: "path", OpenAPIOperation.date, description: "Date")],
        responses: [
            200: "Summary", 400: "Error", 401: "Error", 403: "Error", 404: "Error", 422: "Error", 503: "Unavailable",
        ],
        security: [["adminToken": []]])
}
