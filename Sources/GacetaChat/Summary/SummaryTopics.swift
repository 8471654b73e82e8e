import GacetaText

/// The fixed list of topics a bullet may be tagged with, each with the keywords that call for it (committed here,
/// matched by Snowball stem so that "municipalidad", "municipal" and "municipales" are one word). A bullet gets at
/// most `maximumTags`: the topics whose keywords it and its notice's title hold most (a title's word counts
/// twice), ties in list order.
public enum SummaryTopics {
    public static let maximumTags = 2

    /// Topic → keywords (lower case, one word each).
    public static let keywords: KeyValuePairs<String, [String]> = [
        "salud": [
            "salud", "hospital", "médico", "medicamento", "ccss", "sanitario", "enfermedad", "vacuna", "clínica",
        ],
        "educación": ["educación", "escuela", "colegio", "universidad", "estudiante", "docente", "beca", "enseñanza"],
        "trabajo": ["trabajo", "salario", "trabajador", "empleo", "laboral", "jornada", "patrono", "sindicato"],
        "impuestos": ["impuesto", "tributario", "tributo", "renta", "hacienda", "contribuyente", "arancel", "tasa"],
        "ambiente": ["ambiente", "ambiental", "forestal", "bosque", "conservación", "residuos", "contaminación"],
        "municipal": ["municipalidad", "municipal", "cantón", "cantonal", "concejo", "alcaldía", "patente"],
        "contratación": ["licitación", "contratación", "adjudicación", "proveeduría", "oferta", "contrato", "compra"],
        "seguridad": ["seguridad", "policía", "delito", "armas", "penitenciario", "emergencia", "bomberos"],
        "justicia": ["tribunal", "juzgado", "sentencia", "judicial", "edicto", "notario", "sucesorio"],
        "transporte": ["transporte", "vehículo", "tránsito", "carretera", "ruta", "autobús", "aeropuerto", "puerto"],
        "vivienda": ["vivienda", "urbanismo", "construcción", "habitacional", "bono", "inmueble", "catastro"],
        "agricultura": ["agricultura", "agropecuario", "ganadero", "pesca", "café", "cultivo", "fitosanitario"],
        "energía": ["energía", "electricidad", "eléctrico", "combustible", "hidrocarburos", "tarifa", "aresep"],
        "agua": ["agua", "acueducto", "hídrico", "alcantarillado", "potable", "riego"],
        "comercio": ["comercio", "exportación", "importación", "empresa", "mercantil", "consumidor", "marca"],
        "turismo": ["turismo", "turístico", "hotel", "ict"],
        "cultura": ["cultura", "patrimonio", "museo", "arte", "deporte", "deportivo"],
        "pensiones": ["pensión", "jubilación", "pensionado", "cotización", "invalidez"],
        "presupuesto": ["presupuesto", "presupuestario", "crédito", "deuda", "préstamo", "financiamiento"],
        "telecomunicaciones": ["telecomunicaciones", "internet", "espectro", "radio", "televisión", "sutel"],
        "migración": ["migración", "migratorio", "extranjero", "refugiado", "residencia", "naturalización"],
        "elecciones": ["elecciones", "electoral", "tse", "votación", "partido", "candidato"],
    ]

    /// Every topic name, in list order.
    public static var topics: [String] { keywords.map(\.key) }

    /// Up to `maximumTags` topics for a bullet of the notice titled `title`.
    public static func tags(text: String, title: String) -> [String] {
        let analyzer = TermAnalyzer()
        let textStems = analyzer.stems(of: text)
        let titleStems = analyzer.stems(of: title)
        var scored: [(topic: String, score: Int, order: Int)] = []
        for (order, entry) in keywords.enumerated() {
            let stems = Set(entry.value.map { analyzer.stems(of: $0) }.flatMap { $0 })
            let score = stems.intersection(textStems).count + 2 * stems.intersection(titleStems).count
            if score > 0 { scored.append((entry.key, score, order)) }
        }
        return scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
            .prefix(maximumTags).map(\.topic)
    }
}
