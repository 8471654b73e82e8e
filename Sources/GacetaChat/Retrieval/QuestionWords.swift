/// Words that shape a question or a request but say nothing about its subject ("¿Qué se decidió sobre…?",
/// "¿Cuándo se publicó…?", "dime si hay información de…"), folded. Stopwords are left out by `SpanishStopwords`.
enum QuestionWords {
    static let words: Set<String> = [
        // Interrogatives not in the stopword list.
        "cuanto", "cuanta", "cuantos", "cuantas", "cual", "cuales", "que", "quien", "quienes", "donde", "adonde",
        // Verbs of asking about the gazette.
        "decidio", "decidieron", "decidido", "decidida", "decide", "deciden", "decidir", "dice", "dicen", "dijo",
        "publico", "publicaron", "publicado", "publicada", "publicados", "publicadas", "publica", "publican",
        "salio", "paso", "pasa", "hubo", "habia", "existe", "existen", "sabe", "saber", "se", "puede", "pueden",
        "dime", "explica", "explicame", "quiero", "queria", "necesito", "busco", "buscar", "encontrar",
        // The same verbs as a citizen conjugates them about someone else («¿… una empresa necesita…?»).
        "puedo", "podria", "podrian", "quiere", "quieren", "quisiera", "necesita", "necesitan", "necesitas",
        "necesitamos", "sabes", "saben", "busca", "buscan",
        // Fillers.
        "informacion", "acerca", "respecto", "tema", "gaceta", "hola", "favor", "gracias", "entonces", "ademas",
        "ahora", "aquello", "dicho", "dicha", "mismo", "misma",
    ]

    /// Whether the folded word only shapes the question.
    static func contains(_ folded: String) -> Bool {
        words.contains(folded)
    }
}
