#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The one JSON encoder every response uses: sorted keys, so output is stable.
public enum JSON {
    public static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            return Array(try encoder.encode(value))
        } catch {
            // Encoding our own response types cannot fail; if it does, say so rather than crash the worker.
            return Array(#"{"error":{"code":"internal_error","message":"response encoding failed"}}"#.utf8)
        }
    }
}
