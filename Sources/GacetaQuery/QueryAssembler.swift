/// Turns scanned items into a ``SearchExpression``: forms OR groups, applies limits and drops stopwords.
struct QueryAssembler {
    let maximumAtoms: Int
    private var required: [[QueryAtom]] = []
    /// Parallel to `required`: true for a plain required word, the only kind a stopword may drop.
    private var droppable: [Bool] = []
    private var excluded: [QueryAtom] = []
    private var atomCount = 0

    init(maximumAtoms: Int) {
        self.maximumAtoms = maximumAtoms
    }

    /// Splits items into units: a single term, or terms joined by `OR`.
    static func alternatives(_ items: [QueryItem]) throws(QueryError) -> [[QueryTerm]] {
        var units: [[QueryTerm]] = []
        var pendingOr: Int?
        for item in items {
            switch item {
            case .or(let position):
                if units.isEmpty { throw .orAtStart(at: position) }
                if pendingOr != nil { throw .orAfterOr(at: position) }
                pendingOr = position
            case .term(let term):
                if pendingOr != nil, !units.isEmpty {
                    units[units.count - 1].append(term)
                } else {
                    units.append([term])
                }
                pendingOr = nil
            }
        }
        if let position = pendingOr { throw .orAtEnd(at: position) }
        return units
    }

    /// Adds one unit: a lone term (each part of `44123-MP` required on its own) or an OR group.
    mutating func add(_ unit: [QueryTerm]) throws(QueryError) {
        guard unit.count > 1 else {
            for term in unit {
                if term.excluded {
                    try count(1, at: term.position)
                    if !excluded.contains(term.singleAtom) { excluded.append(term.singleAtom) }
                } else {
                    try count(term.parts.count, at: term.position)
                    for part in term.parts { require([part], droppable: isWord(part)) }
                }
            }
            return
        }
        var group: [QueryAtom] = []
        for term in unit {
            if term.excluded { throw .excludedAlternative(at: term.position) }
            try count(1, at: term.position)
            if !group.contains(term.singleAtom) { group.append(term.singleAtom) }
        }
        require(group, droppable: false)
    }

    /// The finished expression; stopwords are dropped unless that would leave nothing required.
    func expression(isStopword: (String) -> Bool) throws(QueryError) -> SearchExpression {
        guard !required.isEmpty else { throw excluded.isEmpty ? .noWords : .onlyExclusions }
        var kept: [[QueryAtom]] = []
        var dropped: [String] = []
        for (group, isDroppable) in zip(required, droppable) {
            if isDroppable, case .word(let word) = group[0], isStopword(word) {
                dropped.append(word)
            } else {
                kept.append(group)
            }
        }
        if kept.isEmpty { return SearchExpression(required: required, excluded: excluded) }
        return SearchExpression(required: kept, excluded: excluded, droppedStopwords: dropped)
    }

    private mutating func count(_ atoms: Int, at position: Int) throws(QueryError) {
        atomCount += atoms
        if atomCount > maximumAtoms { throw .tooManyAtoms(limit: maximumAtoms, at: position) }
    }

    /// Appends a group unless an equal one is already required (`salario salario` needs one match).
    private mutating func require(_ group: [QueryAtom], droppable isDroppable: Bool) {
        if let existing = required.firstIndex(of: group) {
            droppable[existing] = droppable[existing] && isDroppable
            return
        }
        required.append(group)
        droppable.append(isDroppable)
    }

    private func isWord(_ atom: QueryAtom) -> Bool {
        if case .word = atom { return true }
        return false
    }
}
