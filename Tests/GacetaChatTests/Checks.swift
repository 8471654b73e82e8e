import GacetaChat
import GacetaCore
import Testing

/// Checks every cited answer must pass.
enum Checks {
    /// Every `[n]` has a citation, every citation is used, quotes are verbatim passage text, every sentence ends
    /// with a marker.
    static func wellCited(
        _ answer: Answer, passages: [SearchHit], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let used = markers(in: answer.text)
        let numbers = Set(answer.citations.map(\.n))
        #expect(!answer.citations.isEmpty, "no citations", sourceLocation: sourceLocation)
        #expect(used == numbers, "markers \(used) vs citations \(numbers)", sourceLocation: sourceLocation)
        for citation in answer.citations {
            let holders = passages.filter {
                $0.documentID == citation.documentID && $0.page == citation.page && $0.text.contains(citation.quote)
            }
            #expect(!holders.isEmpty, "quote not verbatim: \(citation.quote)", sourceLocation: sourceLocation)
            #expect(citation.url == "/api/v1/documents/\(citation.documentID)/pages/\(citation.page)")
        }
    }

    /// The numbers of all `[n]`, `[n, m]` markers of `text`.
    static func markers(in text: String) -> Set<Int> {
        var numbers: Set<Int> = []
        var inside: String?
        for character in text {
            if character == "[" {
                inside = ""
            } else if character == "]", let content = inside {
                for item in content.split(separator: ",") {
                    if let number = Int(item.filter { $0 != " " }) { numbers.insert(number) }
                }
                inside = nil
            } else if inside != nil {
                inside?.append(character)
            }
        }
        return numbers
    }
}
