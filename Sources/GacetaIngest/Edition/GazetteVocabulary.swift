/// The words gazettes use for their sections, institutions and notice headings, folded (lowercase, no accents).
enum GazetteVocabulary {
    /// Section headings printed across Spanish-language gazettes, letters only ("poderejecutivo").
    static let sections: Set<String> = Set(
        [
            "poder legislativo", "poder ejecutivo", "poder judicial", "documentos varios",
            "tribunal supremo de elecciones", "reglamentos", "contratacion administrativa", "remates",
            "instituciones descentralizadas", "regimen municipal", "avisos", "notificaciones", "edictos", "leyes",
            "decretos", "acuerdos", "resoluciones", "directrices", "proyectos", "proyectos de ley", "fe de erratas",
            "convocatorias", "organismo legislativo", "organismo ejecutivo", "organismo judicial",
            "publicaciones varias", "anuncios varios", "ponencias", "textos aprobados", "textos definitivos",
            "informes de conciliacion", "objeciones", "actas", "conceptos juridicos", "cartas de comentarios",
            "informes", "conceptos", "licitaciones", "adjudicaciones", "boletin judicial", "municipalidades",
            "modificaciones a los programas", "sala constitucional", "publicaciones", "leyes y decretos",
            "actas de plenaria", "actas de comision", "ponencias y textos", "mensajes", "proyectos de acto legislativo",
            "entidades autonomas", "gobiernos locales", "municipalidades y concejos", "varios", "otros",
            "contratacion publica", "licitaciones publicas", "aclaraciones",
        ].map(letters))

    /// First words of an institution's heading ("MINISTERIO DE HACIENDA", "MUNICIPALIDAD DE ESCAZÚ").
    static let institutionWords: Set<String> = [
        "ministerio", "municipalidad", "instituto", "caja", "banco", "universidad", "consejo", "tribunal",
        "contraloria", "procuraduria", "asamblea", "superintendencia", "autoridad", "direccion", "comision", "junta",
        "corte", "registro", "servicio", "agencia", "secretaria", "presidencia", "congreso", "camara", "senado",
        "defensoria", "colegio", "empresa", "patronato", "refinadora", "radiografica", "oficina", "sistema",
        "fiscalia", "concejo", "organo", "federacion", "gobernacion", "departamento", "programa", "fideicomiso",
        "benemerito", "compania", "corporacion", "jurisdiccion", "juzgado", "sala",
    ]

    /// Costa Rica's ministries as La Gaceta heads their notices ("HACIENDA", "OBRAS PÚBLICAS Y TRANSPORTES").
    static let ministryHeadings: Set<String> = Set(
        [
            "hacienda", "obras publicas y transportes", "educacion publica", "salud", "trabajo y seguridad social",
            "justicia y paz", "ambiente y energia", "agricultura y ganaderia", "economia industria y comercio",
            "seguridad publica", "gobernacion y policia", "relaciones exteriores y culto", "cultura y juventud",
            "vivienda y asentamientos humanos", "planificacion nacional y politica economica",
            "ciencia innovacion tecnologia y telecomunicaciones", "comercio exterior", "turismo", "deporte",
            "presidencia de la republica", "ministerio de la presidencia", "ambiente energia y telecomunicaciones",
        ].map(letters))

    /// A notice heading's first word that names its type.
    static let singularTypes: Set<String> = [
        "ley", "decreto", "acuerdo", "resolucion", "reglamento", "licitacion", "adjudicacion", "edicto", "aviso",
        "notificacion",
    ]

    /// First words of a notice's heading besides the types themselves.
    static let noticeWords: Set<String> = [
        "proyecto", "informe", "ponencia", "texto", "acta", "concepto", "carta", "directriz", "convocatoria",
        "remate", "sentencia", "dictamen", "ordenanza", "circular", "objecion", "objeciones", "mensaje",
        "constancia", "fe", "pronunciamiento", "expediente", "cedula", "modificacion", "aclaracion", "fallo",
    ]

    /// Plural type words that are sections of their own in La Gaceta (not groups under another section).
    static let topLevelGroups: Set<String> = ["avisos", "notificaciones", "reglamentos", "edictos", "remates"]

    /// Plural headings that group notices of one type under a section ("DECRETOS", "LICITACIONES").
    static func typeOfGroup(_ folded: String) -> NoticeType? {
        guard !folded.contains(" "), folded.hasSuffix("s") else { return nil }
        return NoticeType.named(byWord: folded)
    }

    /// Titles of a table of contents.
    static let contentsTitles: Set<String> = Set(
        ["contenido", "sumario", "indice", "en esta edicion encontrara", "en esta edicion", "contenido pag"].map(
            letters))

    /// Words that join the lines of a heading printed over several lines.
    static let connectors: Set<String> = [
        "de", "del", "la", "las", "el", "los", "y", "e", "en", "a", "al", "para", "por", "sobre", "que", "n", "no",
        "numero", "con", "se", "su", "sus", "o",
    ]

    /// The letters of a folded phrase, for spacing-insensitive comparison.
    static func letters(_ folded: String) -> String {
        PlainText.letters(folded) ?? folded.filter { $0.isLetter }
    }
}
