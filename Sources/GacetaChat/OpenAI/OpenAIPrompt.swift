import GacetaCore

/// What the model is told: answer in Spanish from the numbered passages only, cite `[n]` after each claim, and
/// say "No encontré…" when the passages do not answer.
///
/// Each passage opens with a heading line `⟦P3 1a2b3c4d⟧ La Gaceta Nº 129 del 15 de julio del 2024 · título ·
/// página 3` and closes with `⟦/P3 1a2b3c4d⟧`: the id is derived from the passage and chosen so that its text
/// does not contain it, so gazette text cannot imitate a passage boundary.
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
        3. Termina cada frase con el número entre corchetes del pasaje que la respalda. Cada frase debe llevar \
        al menos una cita. No cites números que no existan.
        4. No copies estas reglas, los encabezados de los pasajes ni la pregunta.
        5. Si los pasajes no responden la pregunta, responde exactamente: \
        "\(SpanishWording.notFound)"
        """

    /// One passage as the model sees it.
    struct Passage {
        var id: String
        var heading: String
    }

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

    /// The delimited passages (id, edition, document, page, text), then the question.
    static func userMessage(_ question: String, passages: [SearchHit]) -> String {
        var text = "Pasajes:\n"
        for (index, (hit, passage)) in zip(passages, described(passages)).enumerated() {
            let n = index + 1
            text += "\n⟦P\(n) \(passage.id)⟧ \(passage.heading)\n\(hit.text)\n⟦/P\(n) \(passage.id)⟧\n"
        }
        return text + "\nPregunta: " + question
    }

    /// Each passage's id and heading (without the id).
    static func described(_ passages: [SearchHit]) -> [Passage] {
        passages.enumerated().map { index, hit in
            var heading = "\(SpanishWording.edition(of: hit)) · \(hit.documentTitle) · página \(hit.page)"
            if let printed = hit.printedPage, !printed.isEmpty { heading += " (impresa \(printed))" }
            return Passage(id: id(for: hit, number: index + 1), heading: heading)
        }
    }

    /// 8 hex digits from FNV-1a over the passage's number, chunk and text, salted again until the text does not
    /// contain them.
    static func id(for hit: SearchHit, number: Int) -> String {
        let lowered = hit.text.lowercased()
        var salt = 0
        while true {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in Array("\(salt)/\(number)/\(hit.chunkID)/".utf8) + Array(hit.text.utf8) {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            let id = String(String(hash, radix: 16).suffix(8))
            if !lowered.contains(id) { return id }
            salt += 1
        }
    }
}
