import GacetaCore
import GacetaText

/// Which notices a day's summary speaks of: ranked by type (`ley` > `decreto` > `reglamento` > `acuerdo`,
/// `resolución` > `licitación`, `adjudicación` > `aviso` > `edicto`, `notificación` > anything else), then by
/// length in pages (longer first), then in the order of the date's editions; at most `perInstitution` from one
/// institution. The `sumario` never takes part. An Alcance's notices rank with the regular edition's.
public enum SummaryChoice {
    /// Bullets in a summary (fewer when the date has fewer notices).
    public static let bulletCount = 5
    /// Most bullets from one institution.
    public static let perInstitution = 2

    /// Rank of a type (lower first); nil for the `sumario`, which is never summarised.
    static func typeRank(_ type: String) -> Int? {
        switch TextFolding.fold(type) {
        case "ley": 0
        case "decreto": 1
        case "reglamento": 2
        case "acuerdo", "resolucion": 3
        case "licitacion", "adjudicacion": 4
        case "aviso": 5
        case "edicto", "notificacion": 6
        case "sumario": nil
        default: 7
        }
    }

    /// Every notice that may be summarised, best first (no institution limit).
    public static func ranked(_ notices: [SummaryNotice]) -> [SummaryNotice] {
        notices.enumerated().compactMap { position, notice in
            typeRank(notice.type).map { (rank: $0, position: position, notice: notice) }
        }.sorted { lhs, rhs in
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            if lhs.notice.pageCount != rhs.notice.pageCount { return lhs.notice.pageCount > rhs.notice.pageCount }
            return lhs.position < rhs.position
        }.map(\.notice)
    }

    /// The institution a notice counts against (folded, so case and accents do not make two).
    static func institutionKey(_ notice: SummaryNotice) -> String? {
        guard let institution = notice.institution, !institution.isEmpty else { return nil }
        return TextFolding.fold(institution)
    }

    /// Counts notices per institution and tells whether one more from `notice`'s institution is allowed.
    struct InstitutionLimit {
        private var counts: [String: Int] = [:]

        func allows(_ notice: SummaryNotice) -> Bool {
            guard let key = SummaryChoice.institutionKey(notice) else { return true }
            return counts[key, default: 0] < SummaryChoice.perInstitution
        }

        mutating func add(_ notice: SummaryNotice) {
            if let key = SummaryChoice.institutionKey(notice) { counts[key, default: 0] += 1 }
        }
    }
}
