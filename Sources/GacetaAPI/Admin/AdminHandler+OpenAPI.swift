/// The OpenAPI entries of `AdminHandler`'s routes: from an allowed network, with an admin token.
extension AdminHandler {
    private static let adminErrors: [Int: String] = [
        400: "Error", 401: "Error", 403: "Error", 404: "Error", 413: "Error", 415: "Error", 503: "Unavailable",
    ]
    private static let token: OpenAPIValue = [["adminToken": []]]

    static let operations: [OpenAPIOperation] = [
        OpenAPIOperation(
            "POST", "/api/v1/admin/documents", id: "upload", summary: "Ingest a PDF (multipart/form-data)",
            tags: ["admin"],
            requestBody: [
                "required": true,
                "content": [
                    "multipart/form-data": [
                        "schema": [
                            "type": "object", "required": ["file"],
                            "properties": [
                                "file": ["type": "string", "format": "binary"],
                                "date": OpenAPIOperation.date,
                            ],
                        ]
                    ]
                ],
            ],
            responses: adminErrors.merging([200: "AdminResult", 201: "AdminResult"]) { _, own in own }, security: token),
        OpenAPIOperation(
            "DELETE", "/api/v1/admin/documents/{id}", id: "deleteDocument", summary: "Delete a notice",
            tags: ["admin"],
            parameters: [OpenAPIOperation.parameter("id", in: "path", OpenAPIOperation.id, description: "Its id")],
            responses: adminErrors.merging([200: "AdminResult"]) { _, own in own }, security: token),
        OpenAPIOperation(
            "DELETE", "/api/v1/admin/editions/{id}", id: "deleteEdition", summary: "Delete an edition",
            tags: ["admin"],
            parameters: [OpenAPIOperation.parameter("id", in: "path", OpenAPIOperation.id, description: "Its id")],
            responses: adminErrors.merging([200: "AdminResult"]) { _, own in own }, security: token),
        OpenAPIOperation(
            "POST", "/api/v1/admin/reindex", id: "reindex", summary: "Rebuild the search index", tags: ["admin"],
            responses: adminErrors.merging([200: "AdminResult"]) { _, own in own }, security: token),
    ]
}
