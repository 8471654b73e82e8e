import GacetaText

/// Turns a snippet marked with \u{1} (start) and \u{2} (end) around matched terms into safe HTML: the text is
/// escaped, then the markers become `<mark>` and `</mark>`. Shared by both stores so snippets read the same.
public enum SnippetHTML {
    public static let start: Unicode.Scalar = "\u{1}"
    public static let end: Unicode.Scalar = "\u{2}"

    public static func render(_ marked: String) -> String {
        var html = ""
        for scalar in HTMLEscaping.escape(marked).unicodeScalars {
            switch scalar {
            case start: html += "<mark>"
            case end: html += "</mark>"
            default: html.unicodeScalars.append(scalar)
            }
        }
        return html
    }
}
