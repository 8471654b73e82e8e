/// The OpenAPI entries of `ChatHandler`'s routes.
extension ChatHandler {
    static let operations: [OpenAPIOperation] = [
        OpenAPIOperation(
            "POST", "/api/v1/chat", id: "ask", summary: "Answer a question with cited passages", tags: ["chat"],
            requestBody: [
                "required": true, "content": ["application/json": ["schema": .schema("Question")]],
            ],
            responses: OpenAPIOperation.storeErrors.merging([200: "Answer", 409: "Error", 413: "Error", 415: "Error"]) {
                _, own in own
            }),
        OpenAPIOperation(
            "GET", "/api/v1/conversations/{id}", id: "conversation", summary: "A conversation and its answers",
            tags: ["chat"],
            parameters: [
                OpenAPIOperation.parameter(
                    "id", in: "path", ["type": "string", "pattern": "^[0-9a-f]{16,64}$"],
                    description: "The conversation id the chat answered with (a bearer secret)")
            ],
            responses: OpenAPIOperation.storeErrors.merging([200: "Conversation"]) { _, own in own }),
    ]
}
