import GacetaCore

/// What the model is told: answer in Spanish from the numbered passages only, cite `[n]` after each claim, and
/// say "No encontré…" when the passages do not answer.
enum OpenAIPrompt {
    /// Earlier turns sent along, most recent last.
    static let historyTurns = 3
    /// Characters of an earlier answer sent along.
    static let historyAnswerLength = 600

    static let system = """
        Eres el asistente de GacetaChat y respondes preguntas sobre La Gaceta, el diario oficial de Costa Rica.
        Reglas:
        1. Responde en español, en pocas frases claras (máximo 5).
        2. Usa SOLO la información de los pasajes numerados que recibes; no uses conocimiento propio.
        3. Después de cada afirmación escribe el número del pasaje que la respalda entre corchetes, por ejemplo \
        [1] o [2][3]. Cada frase debe llevar al menos una cita. No cites números que no existan.
        4. Si los pasajes no responden la pregunta, responde exactamente: \
        "\(SpanishWording.notFound)"
        """

    static func messages(
        question: String, history: [ConversationTurn], passages: [SearchHit]
    ) -> [ChatCompletion.Message] {
        var messages = [ChatCompletion.Message(role: "system", content: system)]
        for turn in history.suffix(historyTurns) {
            messages.append(ChatCompletion.Message(role: "user", content: cut(turn.question)))
            // Earlier markers pointed to earlier passages: drop them so they cannot be confused with these.
            let answer = CitationMarkerFilter.filter(turn.answer.text, passageCount: 0).text
            messages.append(ChatCompletion.Message(role: "assistant", content: cut(answer)))
        }
        messages.append(ChatCompletion.Message(role: "user", content: userMessage(question, passages: passages)))
        return messages
    }

    /// An earlier question or answer, at most `historyAnswerLength` characters (and 4 × that in scalars, so a
    /// cluster full of combining marks cannot smuggle in more).
    static func cut(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        var characters = 0
        for character in text {
            characters += 1
            guard characters <= historyAnswerLength,
                kept.count + character.unicodeScalars.count <= 4 * historyAnswerLength
            else { return String(kept) + " …" }
            kept.append(contentsOf: character.unicodeScalars)
        }
        return String(kept)
    }

    /// The numbered passages (edition, document, page, text), then the question.
    static func userMessage(_ question: String, passages: [SearchHit]) -> String {
        var text = "Pasajes:\n"
        for (index, hit) in passages.enumerated() {
            var heading =
                "[\(index + 1)] \(SpanishWording.edition(of: hit)) · \(hit.documentTitle) · página \(hit.page)"
            if let printed = hit.printedPage, !printed.isEmpty { heading += " (impresa \(printed))" }
            text += "\n" + heading + "\n" + hit.text + "\n"
        }
        return text + "\nPregunta: " + question
    }
}
