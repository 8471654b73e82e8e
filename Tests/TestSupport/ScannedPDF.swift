import Foundation

/// A two-page PDF whose second page is an image only (a scan) of `text`: OCR tests read it back.
public enum ScannedPDF {
    public static let text = """
        El Consejo Municipal acuerda aprobar el reglamento de mercados, ferias y ventas ambulantes del cantón.
        Los vendedores deberán portar su permiso vigente y mantener limpio el espacio asignado durante la jornada.
        La municipalidad revisará las tarifas cada año, previa audiencia pública a los interesados.
        """

    /// A text page, then `text` rendered as an image only (groff, Ghostscript's pdfimage8, pdfunite); the path of
    /// the PDF in `folder`.
    public static func write(in folder: String) throws -> String {
        func typeset(_ ms: String, _ name: String) throws -> String {
            let output = "\(folder)/\(name).pdf"
            try GazettePDF.typeset(ms, to: output)
            return output
        }
        let first = try typeset(".LP\nActa de la sesión ordinaria del concejo, primera página.", "first")
        let typeset = try typeset(".LP\n.ps 14\n.vs 18\n" + text, "text")
        let scanned = "\(folder)/scanned.pdf"
        try Shell.run("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfimage8", "-r200", "-o", scanned, typeset])
            .expectSuccess("gs")
        let combined = "\(folder)/reglamento-mercados.pdf"
        try Shell.run("pdfunite", [first, scanned, combined]).expectSuccess("pdfunite")
        return combined
    }
}
