/// The OpenAPI entries of `AlertHandlers`' routes, in the order they are registered. Without `[mail]` every one
/// answers 404 `alerts_disabled`.
extension AlertHandlers {
    private static let page: OpenAPIValue = ["text/html": ["schema": ["type": "string"]]]
    private static let json: OpenAPIValue = ["application/json": ["schema": .schema("Error")]]

    /// A page behind a link of an alert message: 200 the page, 400 no token, 403 a wrong or expired token (a
    /// page), 404 a subscription that is gone (a page) or alerts off (JSON).
    private static let pageResponses: [String: OpenAPIValue] = [
        "200": ["description": "The page (a GET shows a button; its POST acts)", "content": page],
        "400": ["description": "The link has no token, or a malformed query", "content": json],
        "403": ["description": "A wrong or expired token", "content": page],
        "404": [
            "description": "The subscription is gone, or alerts are not configured (alerts_disabled)",
            "content": .object([
                "text/html": ["schema": ["type": "string"]], "application/json": ["schema": .schema("Error")],
            ]),
        ],
        "429": ["description": "Too many requests from this address (nginx)", "content": json],
        "503": ["description": "The database is unavailable", "content": json],
    ]

    private static let token = OpenAPIOperation.parameter(
        "t", in: "query", ["type": "string", "maxLength": 200], required: true,
        description: "The link's token: EXPIRY.HMAC-SHA256")
    private static let subscription = OpenAPIOperation.parameter(
        "id", in: "path", ["type": "string", "pattern": "^[0-9a-f]{32}$"], description: "The subscription's id")
    private static let address = OpenAPIOperation.parameter(
        "a", in: "query", ["type": "string", "pattern": "^[0-9a-f]{64}$"], required: true,
        description: "The address's HMAC")
    private static let form: OpenAPIValue = [
        "required": false,
        "content": ["application/x-www-form-urlencoded": ["schema": ["type": "object"]]],
    ]

    private static func link(
        _ method: String, _ path: String, id: String, summary: String, _ parameters: [OpenAPIValue]
    )
        -> OpenAPIOperation
    {
        OpenAPIOperation(
            method, path, id: id, summary: summary, tags: ["alerts"], parameters: parameters,
            requestBody: method == "POST" ? form : nil, responses: [:], extraResponses: pageResponses)
    }

    static let operations: [OpenAPIOperation] = [
        OpenAPIOperation(
            "GET", "/api/v1/alerts", id: "alertsStatus", summary: "Whether e-mail alerts are on", tags: ["alerts"],
            responses: [200: "AlertsStatus", 404: "Error", 429: "Error"]),
        OpenAPIOperation(
            "POST", "/api/v1/alerts", id: "requestAlert",
            summary: "Ask for e-mail alerts on a search: 202 with the same body whatever the address",
            tags: ["alerts"],
            requestBody: [
                "required": true,
                "content": [
                    "application/json": [
                        "schema": [
                            "type": "object",
                            "properties": [
                                "email": ["type": "string", "maxLength": 254],
                                "q": ["type": "string", "minLength": 1, "maxLength": 500],
                                "frequency": ["type": "string", "enum": ["edition", "weekly"]],
                                "section": ["type": "string", "maxLength": 100],
                                "type": ["type": "string", "maxLength": 100],
                            ],
                            "required": ["email", "q"],
                        ]
                    ]
                ],
            ],
            responses: [
                202: "AlertAccepted", 400: "Error", 404: "Error", 413: "Error", 415: "Error", 429: "Error",
                503: "Error",
            ]),
        link(
            "GET", "/api/v1/alerts/manage", id: "alertsPage", summary: "The subscriptions of an address",
            [address, token]),
        link(
            "POST", "/api/v1/alerts/manage", id: "alertsPageAction",
            summary: "Change or delete one of the address's subscriptions", [address, token]),
        link(
            "GET", "/api/v1/alerts/{id}/confirm", id: "confirmPage", summary: "The confirmation page",
            [subscription, token]),
        link(
            "POST", "/api/v1/alerts/{id}/confirm", id: "confirmAlert", summary: "Confirm a subscription",
            [subscription, token]),
        link(
            "GET", "/api/v1/alerts/{id}/unsubscribe", id: "unsubscribePage", summary: "The unsubscribe page",
            [subscription, token]),
        link(
            "POST", "/api/v1/alerts/{id}/unsubscribe", id: "unsubscribe",
            summary: "Unsubscribe (RFC 8058 one-click: body List-Unsubscribe=One-Click)", [subscription, token]),
    ]
}
