import Foundation

/// A nine-page La Gaceta–like edition typeset with groff: a cover (masthead and CONTENIDO) on PDF page 1, then one
/// notice a page on pages 2 to 9, each with a fact no other page holds. The printed page numbers start at
/// `firstPrinted`, so a PDF page and its printed number differ.
public struct KnownFactsEdition: Sendable {
    /// One notice: the PDF page it is printed on, its section and heading as printed, its paragraphs, its code.
    public struct Notice: Sendable {
        public var page: Int
        public var section: String
        public var heading: [String]
        public var paragraphs: [String]
        public var code: String
    }

    public let number = 161
    public let date = "2024-09-03"
    /// The printed number of PDF page 1 (the cover prints none; page 2 prints `firstPrinted + 1`).
    public let firstPrinted = 41

    public init() {}

    /// The printed page number of a PDF page.
    public func printedPage(_ page: Int) -> String { String(firstPrinted + page - 1) }

    public let notices: [Notice] = [
        Notice(
            page: 2, section: "PODER EJECUTIVO", heading: ["DECRETOS", "DECRETO EJECUTIVO N° 44702-MAG"],
            paragraphs: [
                "EL PRESIDENTE DE LA REPÚBLICA Y LA MINISTRA DE AGRICULTURA Y GANADERÍA, en uso de las facultades que "
                    + "les confiere el artículo 140 de la Constitución Política.",
                "Artículo 1°—Se declara emergencia fitosanitaria por la plaga del picudo negro en las plantaciones de "
                    + "palma aceitera de los cantones de Parrita y Quepos.",
                "Artículo 2°—El Servicio Fitosanitario del Estado coordinará la quema controlada de las palmas "
                    + "enfermas. Rige a partir de su publicación.",
            ], code: "IN2024870102"),
        Notice(
            page: 3, section: "PODER EJECUTIVO", heading: ["ACUERDOS", "ACUERDO N° 215-P"],
            paragraphs: [
                "EL PRESIDENTE DE LA REPÚBLICA, en uso de las atribuciones que le confiere el artículo 139 de la "
                    + "Constitución Política.",
                "Artículo 1°—Autorizar al viceministro de Comercio Exterior para viajar a Valparaíso, Chile, y "
                    + "participar en el congreso mundial de apicultura y polinizadores nativos.",
                "Artículo 2°—Los gastos de hospedaje y alimentación correrán por cuenta de la organización del "
                    + "congreso. Publíquese.",
            ], code: "IN2024870103"),
        Notice(
            page: 4, section: "DOCUMENTOS VARIOS", heading: ["SALUD", "RESOLUCIÓN N° MS-DM-3310-2024"],
            paragraphs: [
                "EL MINISTRO DE SALUD, con fundamento en la Ley General de Salud.",
                "Artículo 1°—Se prohíbe la venta de bebidas energizantes a menores de edad en las sodas y comedores "
                    + "de los centros educativos públicos y privados.",
                "Artículo 2°—Las áreas rectoras de salud verificarán el cumplimiento de esta resolución en cada "
                    + "visita de inspección.",
            ], code: "IN2024870104"),
        Notice(
            page: 5, section: "REGLAMENTOS",
            heading: ["MUNICIPALIDAD DE TURRIALBA", "REGLAMENTO DEL MERCADO MUNICIPAL DE TURRIALBA"],
            paragraphs: [
                "El Concejo Municipal de Turrialba, en la sesión ordinaria N° 218, aprobó el siguiente reglamento.",
                "Artículo 1°—Los tramos del mercado municipal abrirán de lunes a sábado desde las seis de la mañana "
                    + "y cerrarán a las seis de la tarde; los domingos el mercado permanecerá cerrado.",
                "Artículo 2°—Cada inquilino mantendrá limpio su tramo y pagará el alquiler por mes adelantado.",
            ], code: "IN2024870105"),
        Notice(
            page: 6, section: "CONTRATACIÓN ADMINISTRATIVA",
            heading: [
                "LICITACIONES", "INSTITUTO COSTARRICENSE DE ACUEDUCTOS Y ALCANTARILLADOS",
                "LICITACIÓN MAYOR N° 2024LY-000031-PRI",
            ],
            paragraphs: [
                "Compra de doce mil medidores ultrasónicos de agua potable para los sistemas de Guanacaste.",
                "Las ofertas se recibirán por medio del sistema digital unificado hasta las diez horas del "
                    + "cuarto día hábil siguiente a esta publicación.",
            ], code: "IN2024870106"),
        Notice(
            page: 7, section: "INSTITUCIONES DESCENTRALIZADAS",
            heading: ["INSTITUTO COSTARRICENSE DE PESCA Y ACUICULTURA", "ACUERDO AJDIP-147-2024"],
            paragraphs: [
                "La Junta Directiva del Instituto Costarricense de Pesca y Acuicultura, en la sesión ordinaria "
                    + "N° 39, acuerda lo siguiente.",
                "Artículo 1°—Se establece una veda para la captura de langosta espinosa en el Golfo de Papagayo "
                    + "desde el primero de octubre hasta el treinta y uno de enero.",
                "Artículo 2°—Durante la veda los guardacostas decomisarán las nasas y los trasmallos que encuentren "
                    + "en el golfo.",
            ], code: "IN2024870107"),
        Notice(
            page: 8, section: "RÉGIMEN MUNICIPAL", heading: ["MUNICIPALIDAD DE SAN CARLOS", "EDICTO DE REMATE"],
            paragraphs: [
                "Se convoca al remate de un tractor oruga amarillo, propiedad municipal, en el plantel de Ciudad "
                    + "Quesada.",
                "La base del remate es de nueve millones de colones y las ofertas se recibirán en sobre cerrado.",
            ], code: "IN2024870108"),
        Notice(
            page: 9, section: "AVISOS", heading: ["AVISO DE PÉRDIDA DE LIBROS"],
            paragraphs: [
                "La Cooperativa de Caficultores de Tarrazú comunica el extravío del tomo segundo del libro de actas "
                    + "de su consejo de administración.",
                "Quien lo encuentre podrá devolverlo en las oficinas de la cooperativa en San Marcos de Tarrazú.",
            ], code: "IN2024870109"),
    ]

    /// The notice printed on a PDF page.
    public func notice(onPage page: Int) -> Notice? { notices.first { $0.page == page } }

    var source: String {
        let header = "La Gaceta Nº \(number) \\(em Martes 3 de septiembre del 2024"
        var lines = [
            ".nr HY 0", ".pn \(firstPrinted)", ".ds CH", ".OH '\(header)''Pág %'", ".EH 'Pág %''\(header)'", ".LP",
            ".ce 4", "LA GACETA", "DIARIO OFICIAL",
            "La Uruca, San José, Costa Rica, martes 3 de septiembre del 2024",
            "AÑO CXLVI \\(em Nº \(number) \\(em 9 páginas", ".LP", "CONTENIDO", ".nf",
        ]
        var listed: Set<String> = []
        for notice in notices where listed.insert(notice.section).inserted {
            lines.append("\(notice.section) .......... \(notice.page)")
        }
        lines.append(".fi")
        var previousSection = ""
        for notice in notices {
            lines.append(".bp")
            if notice.section != previousSection { lines += [".SH", notice.section] }
            previousSection = notice.section
            for heading in notice.heading { lines += [".SH", heading] }
            for (index, paragraph) in notice.paragraphs.enumerated() {
                let last = index == notice.paragraphs.count - 1
                lines += [".PP", last ? "\(paragraph) 1 vez.\\(em( \(notice.code) )." : paragraph]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Typesets the edition with groff (`-k -Tpdf -ms`, UTF-8 whatever the locale) into `path`.
    public func write(to path: String) throws { try GazettePDF.typeset(source, to: path) }
}
