/// The JSON shapes the routes answer with (`ResponseBodies.swift`, `ChatBodies.swift`), as JSON Schema. A field
/// that may be absent is left out of `required` (absent values are omitted, never `null`).
enum OpenAPISchemas {
    private static let string: OpenAPIValue = ["type": "string"]
    private static let integer: OpenAPIValue = ["type": "integer"]
    private static let boolean: OpenAPIValue = ["type": "boolean"]

    private static func object(_ properties: [String: OpenAPIValue], required: [String]) -> OpenAPIValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) })]
    }

    private static func array(_ items: OpenAPIValue) -> OpenAPIValue { ["type": "array", "items": items] }

    static let security: OpenAPIValue = ["adminToken": ["type": "http", "scheme": "bearer"]]

    static let all: [String: OpenAPIValue] = [
        "Error": object(
            [
                "error": object(
                    ["code": string, "message": string, "detail": string], required: ["code", "message"])
            ], required: ["error"]),
        // A 503's codes: the database does not answer, or a search ran past `[search] timeout`.
        "Unavailable": object(
            [
                "error": object(
                    [
                        "code": ["type": "string", "enum": ["database_unavailable", "search_timeout"]],
                        "message": string,
                    ], required: ["code", "message"])
            ], required: ["error"]),
        "Health": object(
            [
                "status": string, "version": string, "profile": string, "pid": integer,
                "uptime_seconds": ["type": "number"], "database": string, "fetch": ["type": "object"],
            ], required: ["status", "version"]),
        "SearchHit": object(
            [
                "document_id": integer, "document_title": string, "section": string, "type": string,
                "edition_date": string, "edition_number": string, "page": integer, "printed_page": string,
                "snippet": string, "url": string, "publication": string,
            ], required: ["document_id", "document_title", "edition_date", "page", "snippet", "url"]),
        "SearchResults": object(
            [
                "query": object(
                    [
                        "dropped_stopwords": array(string), "from": string, "to": string, "section": string,
                        "edition": string,
                    ], required: ["dropped_stopwords"]),
                "total": integer, "total_exact": boolean, "page": integer, "per_page": integer, "relaxed": boolean,
                "hits": array(.schema("SearchHit")),
            ], required: ["query", "total", "total_exact", "page", "per_page", "relaxed", "hits"]),
        "Document": object(
            [
                "id": integer, "title": string, "section": string, "type": string, "identifier": string,
                "edition_date": string, "edition_number": string, "source_url": string, "page_count": integer,
                "url": string, "institution": string, "publication_code": string, "first_page": integer,
                "last_page": integer, "first_printed_page": string, "last_printed_page": string,
                "notice_index": integer, "key": string, "permalink": string, "publication": string,
                "edition_id": integer,
            ], required: ["id", "title", "edition_date", "page_count", "url", "first_page", "last_page", "edition_id"]),
        "Edition": object(
            [
                "id": integer, "date": string, "number": string, "source_url": string, "sha256": string,
                "document_count": integer, "documents": array(.schema("Document")), "publication": string,
                "kind": ["type": "string", "enum": ["regular", "alcance"]], "alcance_number": integer,
                "supplement_of": integer, "pages": integer,
            ], required: ["id", "date", "document_count", "kind"]),
        "Editions": object(
            ["editions": array(.schema("Edition")), "page": integer, "per_page": integer],
            required: ["editions", "page", "per_page"]),
        "EditionRange": object(
            ["from": string, "to": string, "editions": array(.schema("Edition"))], required: ["from", "to", "editions"]),
        "EditionsOrRange": ["anyOf": [.schema("Editions"), .schema("EditionRange")]],
        "Summary": object(
            [
                "date": string, "edition_number": string, "publication": string, "provider": string,
                "fallback_reason": string, "generated_at": string,
                "bullets": array(
                    object(
                        [
                            "text": string, "document_id": integer, "notice_key": string, "document_title": string,
                            "page": integer, "printed_page": string, "url": string,
                            "tags": ["type": "array", "items": string, "maxItems": 2], "provider": string,
                        ],
                        required: [
                            "text", "document_id", "notice_key", "document_title", "page", "url", "tags", "provider",
                        ])),
            ], required: ["date", "provider", "generated_at", "bullets"]),
        "EditionsOfDay": object(
            ["date": string, "editions": array(.schema("Edition"))], required: ["date", "editions"]),
        "Page": object(
            [
                "document_id": integer, "document_title": string, "edition_date": string, "edition_number": string,
                "page": integer, "printed_page": string, "page_count": integer, "text": string, "pdf_url": string,
            ], required: ["document_id", "document_title", "edition_date", "page", "page_count", "text"]),
        "Question": object(
            [
                // At least one character that is not white space: a blank question is a 400 empty_question.
                "question": ["type": "string", "minLength": 1, "maxLength": 1000, "pattern": "\\S"],
                // null, like no id at all, starts a new conversation.
                "conversation_id": ["type": ["string", "null"], "pattern": "^[0-9a-f]{16,64}$"],
            ], required: ["question"]),
        "Citation": object(
            [
                "n": integer, "edition_date": string, "edition_number": string, "document_id": integer,
                "document_title": string, "page": integer, "printed_page": string, "quote": string, "url": string,
                "reference": string,
            ], required: ["n", "edition_date", "document_id", "document_title", "page", "quote", "url", "reference"]),
        "Answer": object(
            [
                "answer": string, "citations": array(.schema("Citation")), "conversation_id": string,
                "provider": string, "fallback_reason": string,
            ], required: ["answer", "citations", "conversation_id", "provider"]),
        "Conversation": object(
            [
                "id": string, "created_at": string,
                "turns": array(
                    object(
                        [
                            "question": string, "answer": string, "citations": array(.schema("Citation")),
                            "provider": string, "fallback_reason": string, "created_at": string,
                        ], required: ["question", "answer", "citations", "provider", "created_at"])),
            ], required: ["id", "created_at", "turns"]),
        "AdminResult": ["type": "object"],
    ]
}
