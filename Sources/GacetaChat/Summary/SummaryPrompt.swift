import GacetaCore

/// What the model is told for a daily summary: one line per notice of the date (number, type, title,
/// institution, first page and its first `excerptLength` characters); it picks `SummaryChoice.bulletCount` and
/// writes one line each, `[n] página P: frase`, citing the page that says what the sentence says.
enum SummaryPrompt {
    static let excerptLength = 300

    static let system = """
        Eres el editor de GacetaChat y resumes la edición del día de La Gaceta, el diario oficial de Costa Rica.
        Recibes la lista de avisos de la edición, uno por línea: número entre corchetes, tipo, título, \
        institución, primera página e inicio del texto.
        Reglas:
        1. Elige los \(SummaryChoice.bulletCount) avisos más importantes para la ciudadanía (leyes y decretos \
        antes que edictos y notificaciones).
        2. Escribe para cada uno una sola frase en español que diga lo que dispone, usando SOLO lo que dice el \
        aviso; no inventes cifras ni nombres.
        3. Responde solo con una línea por aviso elegido, con este formato exacto:
        [número] página P: frase
        donde P es la página del aviso que dice lo que afirma la frase.
        """

    /// One numbered notice line (`n` from 1).
    static func line(_ n: Int, _ notice: SummaryNotice) -> String {
        let first = notice.pages.first?.text ?? ""
        let excerpt = String(first.prefix(excerptLength)).split(whereSeparator: \.isNewline).joined(separator: " ")
        let fields = [
            notice.type, flat(notice.title), notice.institution.map(flat) ?? "—", "página \(notice.firstPage)",
            excerpt,
        ]
        return "[\(n)] " + fields.joined(separator: " | ")
    }

    static func messages(_ notices: [SummaryNotice]) -> [ChatCompletion.Message] {
        let lines = notices.enumerated().map { line($0.offset + 1, $0.element) }
        return [
            ChatCompletion.Message(role: "system", content: system),
            ChatCompletion.Message(role: "user", content: "Avisos:\n" + lines.joined(separator: "\n")),
        ]
    }

    /// One line of the model's reply: the notice's number, the page it cites and the sentence.
    struct Pick: Equatable {
        var notice: Int
        var page: Int
        var text: String
    }

    /// The reply's lines that follow the format (`[n] página P: frase`; "pág.", "p." and a list mark before
    /// are accepted); other lines are ignored.
    static func picks(in reply: String) -> [Pick] {
        let pattern =
            #/^[\s\-*•·\d.)]*\[(\d{1,4})\]\s*\(?(?:p[áa]gina|p[áa]g\.?|p\.)\s*(\d{1,4})\)?\s*[:—–\-]?\s*(.+)$/#
            .ignoresCase()
        return reply.split(whereSeparator: \.isNewline).compactMap { line in
            guard let match = try? pattern.wholeMatch(in: String(line)),
                let notice = Int(match.output.1), let page = Int(match.output.2)
            else { return nil }
            let text = match.output.3.trimmingWhitespace()
            return text.isEmpty ? nil : Pick(notice: notice, page: page, text: text)
        }
    }

    private static func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
