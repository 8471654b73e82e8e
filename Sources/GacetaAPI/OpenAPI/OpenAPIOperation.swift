import GacetaCore

/// One route's entry in the OpenAPI description: its method, its path pattern (as the router's, `{id}`) and the
/// operation object. A handler lists its routes' entries beside its `register(on:)` (`GazetteHandlers.operations`),
/// and `OpenAPIDocument.operations` gathers the lists; a test fails when a route has no entry or an entry no route.
struct OpenAPIOperation: Sendable {
    let method: String
    let path: String
    let operation: OpenAPIValue

    /// An operation answering JSON: `responses` maps a status to its schema's name in `components/schemas`
    /// (`Error` for errors). Path parameters come first in `parameters`.
    init(
        _ method: String, _ path: String, id: String, summary: String, tags: [String],
        parameters: [OpenAPIValue] = [], requestBody: OpenAPIValue? = nil, responses: [Int: String],
        extraResponses: [String: OpenAPIValue] = [:], security: OpenAPIValue? = nil
    ) {
        self.method = method
        self.path = path
        var responseObjects = extraResponses
        for (status, schema) in responses {
            responseObjects[String(status)] = [
                "description": .string(Self.describe(status)),
                "content": ["application/json": ["schema": .schema(schema)]],
            ]
        }
        var operation: [String: OpenAPIValue] = [
            "operationId": .string(id), "summary": .string(summary), "tags": .array(tags.map { .string($0) }),
            "responses": .object(responseObjects),
        ]
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let requestBody { operation["requestBody"] = requestBody }
        if let security { operation["security"] = security }
        self.operation = .object(operation)
    }

    /// A parameter `in` path or query with its JSON schema.
    static func parameter(
        _ name: String, in location: String, _ schema: OpenAPIValue, required: Bool = false, description: String
    ) -> OpenAPIValue {
        [
            "name": .string(name), "in": .string(location), "required": .boolean(location == "path" || required),
            "schema": schema, "description": .string(description),
        ]
    }

    /// What every store-backed route may answer besides its success (the schema's name per status).
    static let storeErrors: [Int: String] = [400: "Error", 404: "Error", 429: "Error", 503: "Unavailable"]

    /// A `YYYY-MM-DD` date.
    static let date: OpenAPIValue = ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]

    /// A `YYYY-MM-DD` date or nothing: a query parameter sent empty (as a form sends a blank field) is no bound.
    static let optionalDate: OpenAPIValue = ["type": "string", "pattern": "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"]

    /// A positive database id, as the routes take it.
    static let id: OpenAPIValue = ["type": "integer", "minimum": 1, "maximum": 9_223_372_036_854_775_807]

    private static func describe(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 400: "The request is malformed: the error's message says what to change"
        case 401: "No admin token"
        case 403: "The address or the token is not allowed"
        case 404: "No such resource"
        case 409: "The conversation cannot take another question"
        case 413: "The body is too large"
        case 415: "The body has the wrong Content-Type"
        case 429: "Too many requests from this address (nginx)"
        case 503: "The database is unavailable or the search took too long: retry after Retry-After"
        default: HTTPStatus.reason(status)
        }
    }
}
