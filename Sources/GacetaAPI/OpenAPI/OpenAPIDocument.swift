import GacetaCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The OpenAPI 3.1 description of the public API, served at `GET /api/v1/openapi.json`. Each handler lists its
/// routes' entries (`operations`) beside its routes; this file gathers them and holds the shared schemas.
/// Adding a route: add its `OpenAPIOperation` to its handler's `operations` (a new handler: add its list to
/// `operations` below); `OpenAPIDocumentTests` fails until every route has an entry and every entry a route.
public enum OpenAPIDocument {
    static let path = "/api/v1/openapi.json"

    /// Every route's entry.
    static var operations: [OpenAPIOperation] {
        [documentOperation, HealthHandler.operation] + GazetteHandlers.operations + SummaryHandlers.operations
            + ChatHandler.operations + AdminHandler.operations + [SummaryHandlers.adminOperation]
    }

    private static let documentOperation = OpenAPIOperation(
        "GET", path, id: "openapi", summary: "This description of the API (OpenAPI 3.1)", tags: ["meta"],
        responses: [:],
        extraResponses: [
            "200": [
                "description": "The OpenAPI document", "content": ["application/json": ["schema": ["type": "object"]]],
            ]
        ])

    /// The whole document as JSON (sorted keys, stable).
    public static let json: [UInt8] = {
        var paths: [String: OpenAPIValue] = [:]
        for entry in operations {
            var methods = paths[entry.path]?.members ?? [:]
            methods[entry.method.lowercased()] = entry.operation
            paths[entry.path] = .object(methods)
        }
        let document: OpenAPIValue = [
            "openapi": "3.1.0",
            "info": [
                "title": "GacetaChat API",
                "version": .string(GacetaVersion.string),
                "description": """
                Search and ask Costa Rica's official gazette, La Gaceta. Errors are \
                {"error": {"code", "message"}} with a fitting status; nginx limits requests per address \
                (429 past them).
                """,
            ],
            "paths": .object(paths),
            "components": ["schemas": .object(OpenAPISchemas.all), "securitySchemes": OpenAPISchemas.security],
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(document))) ?? Array("{}".utf8)
    }()

    static func response() -> Response {
        var response = Response.json(json)
        response.headers.add("Cache-Control", "public, max-age=300")
        response.headers.add("X-Accel-Expires", "300")  // nginx's cache; it removes the header
        return response
    }
}
