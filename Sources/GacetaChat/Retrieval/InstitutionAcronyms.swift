/// The acronyms by which Costa Ricans name their public institutions, and the names La Gaceta prints: a reader
/// asks about «la CCSS» or «el INS», while the notice is headed CAJA COSTARRICENSE DE SEGURO SOCIAL or INSTITUTO
/// NACIONAL DE SEGUROS. Only acronyms one institution goes by are listed (not «MS», «DGT»).
enum InstitutionAcronyms {
    /// Acronym (as printed) → the institution's name.
    static let names: [String: String] = [
        "AyA": "Instituto Costarricense de Acueductos y Alcantarillados",
        "ARESEP": "Autoridad Reguladora de los Servicios Públicos",
        "BANHVI": "Banco Hipotecario de la Vivienda",
        "BCCR": "Banco Central de Costa Rica",
        "BCR": "Banco de Costa Rica",
        "BNCR": "Banco Nacional de Costa Rica",
        "CCSS": "Caja Costarricense de Seguro Social",
        "CGR": "Contraloría General de la República",
        "CNE": "Comisión Nacional de Prevención de Riesgos y Atención de Emergencias",
        "CNFL": "Compañía Nacional de Fuerza y Luz",
        "CNP": "Consejo Nacional de Producción",
        "COMEX": "Ministerio de Comercio Exterior",
        "CONAPAM": "Consejo Nacional de la Persona Adulta Mayor",
        "CONAPDIS": "Consejo Nacional de Personas con Discapacidad",
        "CONASSIF": "Consejo Nacional de Supervisión del Sistema Financiero",
        "CONAVI": "Consejo Nacional de Vialidad",
        "COSEVI": "Consejo de Seguridad Vial",
        "CTP": "Consejo de Transporte Público",
        "DINADECO": "Dirección Nacional de Desarrollo de la Comunidad",
        "FODESAF": "Fondo de Desarrollo Social y Asignaciones Familiares",
        "IAFA": "Instituto sobre Alcoholismo y Farmacodependencia",
        "ICAA": "Instituto Costarricense de Acueductos y Alcantarillados",
        "ICE": "Instituto Costarricense de Electricidad",
        "ICODER": "Instituto Costarricense del Deporte y la Recreación",
        "ICT": "Instituto Costarricense de Turismo",
        "IFAM": "Instituto de Fomento y Asesoría Municipal",
        "IMAS": "Instituto Mixto de Ayuda Social",
        "INA": "Instituto Nacional de Aprendizaje",
        "INAMU": "Instituto Nacional de las Mujeres",
        "INCOFER": "Instituto Costarricense de Ferrocarriles",
        "INCOP": "Instituto Costarricense de Puertos del Pacífico",
        "INCOPESCA": "Instituto Costarricense de Pesca y Acuicultura",
        "INDER": "Instituto de Desarrollo Rural",
        "INEC": "Instituto Nacional de Estadística y Censos",
        "INS": "Instituto Nacional de Seguros",
        "INTA": "Instituto Nacional de Innovación y Transferencia en Tecnología Agropecuaria",
        "INVU": "Instituto Nacional de Vivienda y Urbanismo",
        "JAPDEVA": "Junta de Administración Portuaria y de Desarrollo Económico de la Vertiente Atlántica",
        "JPS": "Junta de Protección Social",
        "MAG": "Ministerio de Agricultura y Ganadería",
        "MCJ": "Ministerio de Cultura y Juventud",
        "MEIC": "Ministerio de Economía, Industria y Comercio",
        "MEP": "Ministerio de Educación Pública",
        "MICITT": "Ministerio de Ciencia, Innovación, Tecnología y Telecomunicaciones",
        "MIDEPLAN": "Ministerio de Planificación Nacional y Política Económica",
        "MINAE": "Ministerio de Ambiente y Energía",
        "MIVAH": "Ministerio de Vivienda y Asentamientos Humanos",
        "MJP": "Ministerio de Justicia y Paz",
        "MOPT": "Ministerio de Obras Públicas y Transportes",
        "MREC": "Ministerio de Relaciones Exteriores y Culto",
        "MSP": "Ministerio de Seguridad Pública",
        "MTSS": "Ministerio de Trabajo y Seguridad Social",
        "OIJ": "Organismo de Investigación Judicial",
        "PANI": "Patronato Nacional de la Infancia",
        "PGR": "Procuraduría General de la República",
        "RECOPE": "Refinadora Costarricense de Petróleo",
        "SENASA": "Servicio Nacional de Salud Animal",
        "SETENA": "Secretaría Técnica Nacional Ambiental",
        "SFE": "Servicio Fitosanitario del Estado",
        "SICOP": "Sistema Integrado de Compras Públicas",
        "SINAC": "Sistema Nacional de Áreas de Conservación",
        "SUGEF": "Superintendencia General de Entidades Financieras",
        "SUGESE": "Superintendencia General de Seguros",
        "SUGEVAL": "Superintendencia General de Valores",
        "SUPEN": "Superintendencia de Pensiones",
        "SUTEL": "Superintendencia de Telecomunicaciones",
        "TEC": "Instituto Tecnológico de Costa Rica",
        "TSE": "Tribunal Supremo de Elecciones",
        "UCR": "Universidad de Costa Rica",
        "UNA": "Universidad Nacional",
        "UNED": "Universidad Estatal a Distancia",
        "UTN": "Universidad Técnica Nacional",
    ]

    /// Whether a word as typed is one of the list's acronyms (capitals as listed: «INS», «AyA»; «una» or «Ice» are
    /// not).
    static func isAcronym(_ word: String) -> Bool { names[word] != nil }

    /// An acronym's words and its name's, as a question's content words (not names).
    struct Entry {
        var acronym: [TermAnalyzer.Word]
        var name: [TermAnalyzer.Word]
    }

    /// Each acronym's entry, analysed once.
    static let entries: [String: Entry] = {
        let analyzer = TermAnalyzer()
        func words(_ text: String) -> [TermAnalyzer.Word] {
            analyzer.contentWords(ofQuestion: text).map { word in
                var word = word
                word.isName = false
                word.institution = nil
                return word
            }
        }
        var entries: [String: Entry] = [:]
        for (acronym, name) in names { entries[acronym] = Entry(acronym: words(acronym), name: words(name)) }
        return entries
    }()
}
