import GacetaText

/// The closed list of notice types.
public enum NoticeType: String, Sendable, CaseIterable, Codable {
    case ley, decreto, acuerdo
    case resolucion = "resolución"
    case reglamento
    case licitacion = "licitación"
    case adjudicacion = "adjudicación"
    case edicto, aviso
    case notificacion = "notificación"
    case sumario, otro

    /// The type named by a filter value, without regard to accents or case ("Resolucion" → `.resolucion`).
    public init?(filter: String) {
        let folded = TextFolding.fold(filter.trimmingCharacters(in: " "))
        guard let match = Self.allCases.first(where: { TextFolding.fold($0.rawValue) == folded }) else { return nil }
        self = match
    }

    /// The type a heading's first word names, singular or plural: "DECRETO EJECUTIVO" → `.decreto`,
    /// "RESOLUCIONES" → `.resolucion`; nil for other words.
    static func named(byWord folded: String) -> NoticeType? {
        switch folded {
        case "ley", "leyes": .ley
        case "decreto", "decretos": .decreto
        case "acuerdo", "acuerdos": .acuerdo
        case "resolucion", "resoluciones": .resolucion
        case "reglamento", "reglamentos": .reglamento
        case "licitacion", "licitaciones": .licitacion
        case "adjudicacion", "adjudicaciones": .adjudicacion
        case "edicto", "edictos": .edicto
        case "aviso", "avisos": .aviso
        case "notificacion", "notificaciones": .notificacion
        default: nil
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var text = Substring(self)
        while text.first == set { text = text.dropFirst() }
        while text.last == set { text = text.dropLast() }
        return String(text)
    }
}
