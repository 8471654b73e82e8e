/// What a small model (Gemma 3 270M behind llama.cpp's OpenAI-compatible server) answered instead of answering,
/// as issue 13 describes it. These are RECONSTRUCTED from the issue's description (its quotes "Eres el asistente
/// de GacetaChat… por ejemplo [1] o [2][3]" and "Pasajes: [1] La Gaceta del …"), not recorded: the model could
/// not be run here. Each is replayed by the stub as the model's whole answer.
enum EchoFixtures {
    /// The old system prompt given back, example markers included.
    static let systemPrompt = """
        Eres el asistente de GacetaChat y respondes preguntas sobre La Gaceta, el diario oficial de Costa Rica.
        Reglas:
        1. Responde en español, en pocas frases claras (máximo 5).
        2. Usa SOLO la información de los pasajes numerados que recibes; no uses conocimiento propio.
        3. Después de cada afirmación escribe el número del pasaje que la respalda entre corchetes, por ejemplo [1] \
        o [2][3]. Cada frase debe llevar al menos una cita.
        """

    /// The passages given back, from their header on.
    static let passages = """
        Pasajes: [1] La Gaceta del 15 de julio de 2024 · Decreto Ejecutivo N° 44123-MEIC · página 3 (impresa 13)
        Considerando que es necesario proteger a las familias durante el inicio del curso lectivo [1].
        """

    /// The question given back before a quote of the passage.
    static let question = """
        Pregunta: ¿Qué se decidió sobre el precio del calzado escolar?
        Se fija un precio máximo de venta al consumidor de ₡18.500 para el calzado escolar [1].
        """

    static let all = [systemPrompt, passages, question]
}
