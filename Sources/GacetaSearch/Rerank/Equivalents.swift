/// Terms of a question that say the same thing: an institution's acronym and its name («CCSS» and «Caja
/// Costarricense de Seguro Social»), a demonym and its place («cartaginés» and «Cartago»). A text printing the short
/// form holds the long one, and the pair weighs once: a page
/// headed COMPAÑÍA NACIONAL DE FUERZA Y LUZ answers a question about «la CNFL», and counting the acronym (the
/// question's rarest term, so its heaviest) as missing there made it look like a page that does not answer.
public struct Equivalents: Sendable {
    /// One pair, as stems: the short form (an acronym or a demonym, one stem) and the long one (the name's content
    /// words).
    public struct Pair: Sendable, Equatable {
        public var short: [String]
        public var long: [String]

        public init(short: [String], long: [String]) {
            self.short = short
            self.long = long
        }
    }

    public var pairs: [Pair]

    public init(_ pairs: [Pair] = []) { self.pairs = pairs.filter { !$0.short.isEmpty && !$0.long.isEmpty } }

    /// `present` (the question's stems a text holds) with each pair's long form added when the text holds its short
    /// one. (The other way needs nothing: the short form weighs nothing once `merged`.)
    public func completed(_ present: Set<String>) -> Set<String> {
        var completed = present
        for pair in pairs where pair.short.allSatisfy(present.contains) { completed.formUnion(pair.long) }
        return completed
    }

    /// `weights` (stem → weight) with each pair weighed once: as much as its heavier form, spread over the long
    /// form's stems in proportion, the short form's stems weighing nothing (counting both made an institution most
    /// of a question's weight).
    public func merged(_ weights: [String: Double]) -> [String: Double] {
        var merged = weights
        for pair in pairs {
            let long = Set(pair.long)
            let short = Set(pair.short).subtracting(long)
            let shortWeight = short.reduce(0) { $0 + (merged[$1] ?? 0) }
            let longWeight = long.reduce(0) { $0 + (merged[$1] ?? 0) }
            guard longWeight > 0 else { continue }
            let scale = max(shortWeight, longWeight) / longWeight
            for stem in long { merged[stem] = merged[stem].map { $0 * scale } }
            for stem in short where merged[stem] != nil { merged[stem] = 0 }
        }
        return merged
    }
}
