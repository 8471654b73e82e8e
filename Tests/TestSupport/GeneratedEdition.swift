import Foundation

/// A La Gaceta–like edition typeset with groff (`-ms`, two columns, running headers worded at random per run),
/// with the facts a reader sees in it: its masthead, its notices and their codes.
public struct GeneratedEdition: Sendable {
    public struct ExpectedNotice: Sendable {
        public var title: String
        public var type: String
        public var identifier: String?
        public var section: String
        public var institution: String?
        public var code: String?
    }

    public let number: Int
    public let day: Int
    /// Words of the running headers, drawn per run.
    public let headerWords: [String]
    public let oddHeader: String
    public let evenHeader: String
    public let notices: [ExpectedNotice]
    /// Sentences of the long notice (runs over a column and a page break), each unique.
    public let longSentences: [String]
    public let source: String

    public static let vocabulary = [
        "Boletín", "Heraldo", "Crónica", "Correo", "Registro", "Mensajero", "Noticiero", "Vigía", "Faro", "Pregón",
        "Atalaya", "Centinela", "Semanario", "Gazeta", "Anuario", "Relator", "Expreso", "Eco", "Voz", "Tribuna",
    ]
    public static let fillerWords = [
        "arancel", "bodega", "cafetal", "dársena", "ejido", "fragua", "granero", "herraje", "ingenio", "jornal",
        "lagar", "molino", "noria", "olivar", "potrero", "quebrada", "rastrojo", "sembradío", "trapiche", "vaquería",
        "yunta", "zanja", "acequia", "barbecho", "cosecha", "dehesa", "establo", "finca", "galpón", "hacienda",
        "alambre", "bebedero", "cántaro", "desagüe", "embalse", "forraje", "guayabal", "huerto", "invernadero",
        "lindero", "manantial", "naranjal", "ordeño", "palmar", "rancho", "silo", "tejado", "usufructo", "vivero",
    ]

    public init() {
        var generator = SystemRandomNumberGenerator()
        number = Int.random(in: 100...999, using: &generator)
        day = Int.random(in: 1...28, using: &generator)
        let words = Self.vocabulary.shuffled(using: &generator)
        headerWords = Array(words.prefix(4))
        oddHeader = "\(headerWords[0]) \(headerWords[1]) \(Int.random(in: 1000...9999))"
        evenHeader = "\(headerWords[2]) de \(headerWords[3])"
        var sentences: [String] = []
        let verbs = ["regula", "ordena", "protege", "grava", "autoriza", "prohíbe", "mide", "registra", "limita"]
        let endings = [
            "del cantón por igual", "en todo el distrito", "sin excepción alguna", "desde el próximo año",
            "según el plano catastral", "con aviso previo", "durante la estación seca", "bajo la vigilancia municipal",
        ]
        for index in 0..<340 {
            let picked = Self.fillerWords.shuffled(using: &generator).prefix(Int.random(in: 5...9))
            let verb = verbs.randomElement(using: &generator) ?? "regula"
            let ending = endings.randomElement(using: &generator) ?? "por igual"
            sentences.append("La cláusula \(index + 1) \(verb) el \(picked.joined(separator: ", el ")) \(ending).")
        }
        longSentences = sentences
        notices = [
            ExpectedNotice(
                title: "DECRETO EJECUTIVO N° 44123-MP", type: "decreto", identifier: "44123-MP",
                section: "PODER EJECUTIVO", institution: nil, code: "IN2024000101"),
            ExpectedNotice(
                title: "ACUERDO N° 112-P", type: "acuerdo", identifier: "112-P", section: "PODER EJECUTIVO",
                institution: nil, code: "IN2024000102"),
            ExpectedNotice(
                title: "RESOLUCIÓN N° DGT-R-012-2024", type: "resolución", identifier: "DGT-R-012-2024",
                section: "DOCUMENTOS VARIOS", institution: "HACIENDA", code: "IN2024000103"),
            ExpectedNotice(
                title: "LICITACIÓN PÚBLICA 2024LN-000012", type: "licitación", identifier: "2024LN-000012",
                section: "CONTRATACIÓN ADMINISTRATIVA", institution: "CAJA COSTARRICENSE DE SEGURO SOCIAL",
                code: "IN2024000104"),
            ExpectedNotice(
                title: "EDICTO DE CONVOCATORIA A REMATE", type: "edicto", identifier: nil, section: "RÉGIMEN MUNICIPAL",
                institution: "MUNICIPALIDAD DE ESCAZÚ", code: "IN2024000105"),
            ExpectedNotice(
                title: "La sociedad Transportes del Valle S. A. comunica la pérdida del libro de actas.",
                type: "aviso", identifier: nil, section: "AVISOS", institution: nil, code: "IN2024000106"),
        ]
        func paragraphs(_ texts: [String]) -> String {
            texts.map { ".PP\n\($0)" }.joined(separator: "\n")
        }
        source = """
            .nr HY 0
            .nr PO 0.7i
            .nr LL 6.8i
            .nr HM 0.8i
            .nr FM 0.8i
            .OH '\(oddHeader)''Pág %'
            .EH 'Pág %''\(evenHeader)'
            .LP
            .ce 4
            LA GACETA
            DIARIO OFICIAL
            La Uruca, San José, Costa Rica, lunes \(day) de julio del 2024
            AÑO CXLVI \\(em Nº \(number) \\(em 5 páginas
            .LP
            CONTENIDO
            .nf
            PODER EJECUTIVO .......... 1
            DOCUMENTOS VARIOS .......... 1
            CONTRATACIÓN ADMINISTRATIVA .......... 3
            RÉGIMEN MUNICIPAL .......... 4
            AVISOS .......... 4
            .fi
            .2C
            .SH
            PODER EJECUTIVO
            .SH
            DECRETOS
            .SH
            DECRETO EJECUTIVO N° 44123-MP
            \(paragraphs([
                "EL PRESIDENTE DE LA REPÚBLICA Y EL MINISTRO DE LA PRESIDENCIA, en uso de sus facultades, decretan la creación de la comisión de los faroles verdes del cantón.",
                "Artículo 1. Créase la comisión de los faroles verdes, que sesionará cada primer lunes del mes.",
                "Rige a partir de su publicación. 1 vez.\\(em( IN2024000101 ).",
            ]))
            .SH
            ACUERDOS
            .SH
            ACUERDO N° 112-P
            \(paragraphs([
                "EL PRESIDENTE DE LA REPÚBLICA acuerda autorizar el viaje del ministro de la presidencia a la feria de semillas de Quito.",
                "Publíquese. 1 vez.\\(em( IN2024000102 ).",
            ]))
            .SH
            DOCUMENTOS VARIOS
            .SH
            HACIENDA
            .SH
            RESOLUCIÓN N° DGT-R-012-2024
            \(paragraphs(longSentences.chunked(into: 3).map { $0.joined(separator: " ") }))
            .PP
            Notifíquese. 1 vez.\\(em( IN2024000103 ).
            .SH
            CONTRATACIÓN ADMINISTRATIVA
            .SH
            LICITACIONES
            .SH
            CAJA COSTARRICENSE DE SEGURO SOCIAL
            .SH
            LICITACIÓN PÚBLICA 2024LN-000012
            \(paragraphs([
                "Compra de jeringas de vidrio templado para los hospitales nacionales. Las ofertas se reciben hasta el 30 de agosto.",
                "Área de adquisiciones. 1 vez.\\(em( IN2024000104 ).",
            ]))
            .SH
            RÉGIMEN MUNICIPAL
            .SH
            MUNICIPALIDAD DE ESCAZÚ
            .SH
            EDICTO DE CONVOCATORIA A REMATE
            \(paragraphs([
                "Se convoca al remate de la motocicleta azul decomisada en el parque central de Escazú.",
                "1 vez.\\(em( IN2024000105 ).",
            ]))
            .SH
            AVISOS
            .LP
            La sociedad Transportes del Valle S. A. comunica la pérdida del libro de actas.
            .LP
            Quien lo encuentre lo devolverá en su domicilio de Cartago. 1 vez.\\(em( IN2024000106 ).
            """
    }

    /// Typesets the edition with groff (`-k -Tpdf -ms`, UTF-8 whatever the locale) into `path`.
    public func write(to path: String) throws { try GazettePDF.typeset(source, to: path) }

    /// The header text pdftotext gives, without digits, for "no header in any chunk" checks.
    public var headerPhrases: [String] {
        [oddHeader.split(separator: " ").prefix(2).joined(separator: " "), evenHeader]
    }
}

extension Array {
    public func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
