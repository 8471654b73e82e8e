import GacetaQuery
import Testing

/// Parses with an optional stopword list.
func parse(_ text: String, stopwords: Set<String> = []) throws(QueryError) -> SearchExpression {
    try SearchQueryParser.parse(text, isStopword: { stopwords.contains($0) })
}

/// The error `text` is rejected with; records a test failure if it parses.
func rejection(
    _ text: String, sourceLocation: SourceLocation = #_sourceLocation
) -> QueryError? {
    do {
        let expression = try SearchQueryParser.parse(text)
        Issue.record(
            "expected an error for \(text.debugDescription), got \(expression)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Checks that `text` is rejected with a message containing every fragment, at `position`.
func expectRejected(
    _ text: String, mentioning fragments: [String], at position: Int?,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let error = rejection(text, sourceLocation: sourceLocation) else { return }
    for fragment in fragments {
        #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
    }
    #expect(error.position == position, "\(error.message)", sourceLocation: sourceLocation)
    #expect(error.description == error.message, sourceLocation: sourceLocation)
}

/// Shorthand for one required atom per group.
func plain(_ atoms: QueryAtom...) -> [[QueryAtom]] {
    atoms.map { [$0] }
}

/// SplitMix64: a small seeded generator, so fuzz failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
