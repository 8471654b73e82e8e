/// The OpenAPI entries of `FeedHandlers`' routes, in the order they are registered.
extension FeedHandlers {
    private static let atom: OpenAPIValue = [
        "description": "An Atom 1.0 feed (RFC 4287)",
        "content": ["application/atom+xml": ["schema": ["type": "string"]]],
    ]

    /// `YYYY-MM-DD`, or empty (unset), as the feed reads it.
    private static let date: OpenAPIValue = ["type": "string", "pattern": "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"]

    private static let errors: [Int: String] = [400: "Error", 404: "Error", 429: "Error", 503: "Unavailable"]

    static let operations: [OpenAPIOperation] = [
        OpenAPIOperation(
            "GET", "/api/v1/editions.atom", id: "editionsFeed",
            summary: "Editions as an Atom feed, newest first (404 feeds_disabled without server.public_url)",
            tags: ["feeds"],
            parameters: [
                OpenAPIOperation.parameter(
                    "section", in: "query", ["type": "string", "maxLength": 100],
                    description: "Only editions with notices of this section or type, and only those notices")
            ],
            responses: errors, extraResponses: ["200": atom]),
        OpenAPIOperation(
            "GET", "/api/v1/search.atom", id: "searchFeed",
            summary: "A saved search as an Atom feed: the 50 most recent matching notices, every word required",
            tags: ["feeds"],
            parameters: [
                OpenAPIOperation.parameter(
                    "q", in: "query",
                    [
                        "type": "string", "minLength": 1, "maxLength": 500,
                        "pattern": #"^[^\u0000-\u001F\u007F-\u009F]+$"#,
                    ],
                    required: true, description: "The search, as /api/v1/search takes it (never relaxed)"),
                OpenAPIOperation.parameter("from", in: "query", date, description: "First date (empty: none)"),
                OpenAPIOperation.parameter("to", in: "query", date, description: "Last date (empty: none)"),
                OpenAPIOperation.parameter("section", in: "query", ["type": "string"], description: "A section"),
                OpenAPIOperation.parameter(
                    "type", in: "query", ["type": "string", "maxLength": 100], description: "A notice type"),
            ],
            responses: errors, extraResponses: ["200": atom]),
    ]
}
