#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A JSON value written as Swift literals (`["type": "string", "minLength": 1]`): the OpenAPI description's
/// building block. Keys are written as given (OpenAPI's are camelCase) and sorted.
indirect enum OpenAPIValue: Encodable, Sendable, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral
{
    case object([String: OpenAPIValue])
    case array([OpenAPIValue])
    case string(String)
    case integer(Int)
    case boolean(Bool)

    init(dictionaryLiteral elements: (String, OpenAPIValue)...) {
        self = .object(Dictionary(elements) { _, last in last })
    }
    init(arrayLiteral elements: OpenAPIValue...) { self = .array(elements) }
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(booleanLiteral value: Bool) { self = .boolean(value) }

    private struct MemberName: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: MemberName.self)
            for (key, value) in members { try container.encode(value, forKey: MemberName(stringValue: key)) }
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .boolean(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }

    /// The members of an object (empty for anything else).
    var members: [String: OpenAPIValue] {
        if case .object(let members) = self { return members }
        return [:]
    }

    /// `{"$ref": "#/components/schemas/NAME"}`.
    static func schema(_ name: String) -> OpenAPIValue { ["$ref": .string("#/components/schemas/\(name)")] }
}
