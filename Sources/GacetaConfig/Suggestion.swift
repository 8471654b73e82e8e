/// "Did you mean …?" for misspelled names.
enum Suggestion {
    /// The candidate closest to `input`, or `nil` when nothing is close. In order of preference: a candidate
    /// one edit away (`wokers` → `workers`), one that starts with `input` or is a start of it when `input` has at
    /// least 3 characters (`prod` → `production`), one two edits away.
    static func closest(to input: String, in candidates: [String]) -> String? {
        let others = candidates.filter { $0 != input }
        let distances = others.map { ($0, editDistance(input, $0)) }
        if let near = distances.filter({ $0.1 <= 1 }).min(by: { $0.1 < $1.1 }) {
            return near.0
        }
        if input.count >= 3, let prefixed = others.first(where: { $0.hasPrefix(input) || input.hasPrefix($0) }) {
            return prefixed
        }
        return distances.first { $0.1 == 2 }?.0
    }

    /// Levenshtein distance between two strings, by characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
