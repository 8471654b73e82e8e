import GacetaCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Citations are stored as JSON text in a conversation turn.
public enum CitationJSON {
    public static func encode(_ citations: [Citation]) throws(StoreError) -> String {
        do {
            return String(decoding: try JSONEncoder().encode(citations), as: UTF8.self)
        } catch {
            throw StoreError(.failed, "cannot encode citations: \(error)")
        }
    }

    public static func decode(_ text: String) throws(StoreError) -> [Citation] {
        do {
            return try JSONDecoder().decode([Citation].self, from: Data(text.utf8))
        } catch {
            throw StoreError(.failed, "stored citations are not valid JSON: \(error)")
        }
    }
}
