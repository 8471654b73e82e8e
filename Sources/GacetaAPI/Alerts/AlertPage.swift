import GacetaCore
import GacetaText

/// The small HTML pages behind the links of alert e-mails: a `GET` shows what a button would do, only the
/// button's `POST` acts (mail scanners that open links change nothing). No script, no inline style (the CSP
/// allows neither); readable at 360 px.
struct AlertPage {
    var title: String
    /// Already-escaped HTML.
    var body: String
    var status = 200

    var response: Response {
        let html = """
            <!doctype html>
            <html lang="es">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(Self.escape(title)) · GacetaChat</title>
            </head>
            <body>
            <main>
            <h1>\(Self.escape(title))</h1>
            \(body)
            <p><a href="/">Ir a GacetaChat</a></p>
            </main>
            </body>
            </html>

            """
        var headers = Headers()
        headers.add("Content-Type", "text/html; charset=utf-8")
        headers.add("Cache-Control", "no-store")
        return Response(status: status, headers: headers, body: Array(html.utf8))
    }

    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// A form that POSTs to `action` with one button (and hidden fields).
    static func button(_ label: String, action: String, fields: [(String, String)] = []) -> String {
        var html = #"<form method="post" action="\#(escape(action))">"#
        for (name, value) in fields {
            html += #"<input type="hidden" name="\#(escape(name))" value="\#(escape(value))">"#
        }
        return html + #"<button type="submit">\#(escape(label))</button></form>"#
    }

    static func paragraph(_ text: String) -> String { "<p>\(escape(text))</p>" }
}
