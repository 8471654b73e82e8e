/// The OpenAPI entries of `GazetteHandlers`' routes, in the order they are registered.
extension GazetteHandlers {
    static let operations: [OpenAPIOperation] = [
        OpenAPIOperation(
            "GET", "/api/v1/search", id: "search", summary: "Ranked passages matching a search", tags: ["search"],
            parameters: [
                OpenAPIOperation.parameter(
                    "q", in: "query",
                    // No control characters (C0, DEL, C1): the query language refuses them (400 invalid_query).
                    [
                        "type": "string", "minLength": 1, "maxLength": 500,
                        "pattern": #"^[^\u0000-\u001F\u007F-\u009F]+$"#,
                    ],
                    required: true,
                    description: "Words, \"a phrase\", prefix*, -excluded, a OR b; at most 32 terms; a query the "
                        + "language cannot read is a 400 invalid_query"),
                OpenAPIOperation.parameter(
                    "from", in: "query", OpenAPIOperation.optionalDate, description: "First date (empty: none)"),
                OpenAPIOperation.parameter(
                    "to", in: "query", OpenAPIOperation.optionalDate, description: "Last date (empty: none)"),
                OpenAPIOperation.parameter("section", in: "query", ["type": "string"], description: "A section"),
                OpenAPIOperation.parameter("edition", in: "query", ["type": "string"], description: "An edition"),
                OpenAPIOperation.parameter(
                    "page", in: "query", ["type": "integer", "minimum": 1, "maximum": 10_000],
                    description: "Page of hits; (page − 1) × per_page + per_page ≤ 1000"),
                OpenAPIOperation.parameter(
                    "per_page", in: "query", ["type": "integer", "minimum": 1, "maximum": 100],
                    description: "Hits per page"),
                OpenAPIOperation.parameter(
                    "relax", in: "query", ["type": "string", "enum": ["true", "false", "1", "0"]],
                    description: "Whether passages holding only some of the words may answer (default true)"),
            ],
            responses: merged([200: "SearchResults"])),
        OpenAPIOperation(
            "GET", "/api/v1/editions", id: "listEditions",
            summary: "Stored editions, newest first; with from and to, those of that range, oldest first "
                + "(the calendar)",
            tags: ["browse"],
            parameters: [
                OpenAPIOperation.parameter(
                    "page", in: "query", ["type": "integer", "minimum": 1, "maximum": 10_000], description: "Page"),
                OpenAPIOperation.parameter(
                    "per_page", in: "query", ["type": "integer", "minimum": 1, "maximum": 100],
                    description: "Editions per page"),
                OpenAPIOperation.parameter(
                    "from", in: "query", OpenAPIOperation.optionalDate,
                    description: "First date of a range of at most 366 days, not after to (alone: 366 days from it)"),
                OpenAPIOperation.parameter(
                    "to", in: "query", OpenAPIOperation.optionalDate,
                    description: "Last date of the range (alone: the 366 days up to it)"),
            ],
            responses: merged([200: "EditionsOrRange"])),
        OpenAPIOperation(
            "GET", "/api/v1/editions/{date}", id: "editionsOfDay", summary: "The editions of one day",
            tags: ["browse"],
            parameters: [OpenAPIOperation.parameter("date", in: "path", OpenAPIOperation.date, description: "Date")],
            responses: merged([200: "EditionsOfDay"])),
        OpenAPIOperation(
            "GET", "/api/v1/documents/{id}", id: "document", summary: "One notice", tags: ["browse"],
            parameters: [OpenAPIOperation.parameter("id", in: "path", OpenAPIOperation.id, description: "Its id")],
            responses: merged([200: "Document"])),
        OpenAPIOperation(
            "GET", "/api/v1/documents/{id}/pages/{n}", id: "documentPage", summary: "One page's text",
            tags: ["browse"],
            parameters: [
                OpenAPIOperation.parameter("id", in: "path", OpenAPIOperation.id, description: "The notice's id"),
                OpenAPIOperation.parameter(
                    "n", in: "path", ["type": "integer", "minimum": 1, "maximum": 100_000],
                    description: "The PDF page number"),
            ],
            responses: merged([200: "Page"])),
        OpenAPIOperation(
            "GET", "/api/v1/documents/{id}/pdf", id: "documentPDF", summary: "The edition's PDF (sent by nginx)",
            tags: ["browse"],
            parameters: [OpenAPIOperation.parameter("id", in: "path", OpenAPIOperation.id, description: "Its id")],
            responses: merged([:]),
            extraResponses: [
                "200": [
                    "description": "The PDF",
                    "content": ["application/pdf": ["schema": ["type": "string", "format": "binary"]]],
                ]
            ]),
        OpenAPIOperation(
            "GET", "/api/v1/notices/{key}", id: "notice", summary: "A notice by its stable key (its permalink)",
            tags: ["browse"],
            parameters: [
                OpenAPIOperation.parameter(
                    "key", in: "path", ["type": "string", "pattern": "^[A-Za-z0-9-]{1,80}$"],
                    description: "The publication code (IN2024871234), else DATE-NUMBER-INDEX")
            ],
            responses: merged([200: "Document"])),
    ]

    private static func merged(_ own: [Int: String]) -> [Int: String] {
        OpenAPIOperation.storeErrors.merging(own) { _, own in own }
    }
}
