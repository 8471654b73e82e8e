/// The OpenAPI entry of `GET /health`.
extension HealthHandler {
    static let operation = OpenAPIOperation(
        "GET", "/health", id: "health", summary: "Whether the service and its database answer", tags: ["meta"],
        responses: [200: "Health", 429: "Error"],
        extraResponses: [
            "503": [
                "description": "The database does not answer",
                "content": ["application/json": ["schema": .schema("Health")]],
            ]
        ])
}
