/// Common Spanish words left out of required search terms, matched after folding ("Más" and "mas" both match).
public enum SpanishStopwords {
    /// The folded stopwords.
    static let words: Set<String> = [
        "a", "al", "algo", "algun", "alguna", "algunas", "alguno", "algunos", "ante", "antes", "asi", "aun",
        "cada", "como", "con", "contra", "cual", "cuales", "cuando", "de", "del", "desde", "donde",
        "durante", "e", "el", "ella", "ellas", "ello", "ellos", "en", "entre", "era", "es", "esa", "esas", "ese",
        "eso", "esos", "esta", "estas", "este", "esto", "estos", "fue", "fueron", "ha", "han", "hasta", "hay",
        "la", "las", "le", "les", "lo", "los", "mas", "me", "mi", "mis", "mucho", "muchos", "muy", "ni", "no",
        "nos", "o", "otra", "otras", "otro", "otros", "para", "pero", "poco", "por", "porque", "que", "quien",
        "quienes", "se", "sea", "sean", "segun", "ser", "si", "sido", "sin", "sino", "sobre", "son", "su", "sus",
        "tal", "tambien", "tan", "tanto", "te", "todo", "todos", "tu", "u", "un", "una", "unas", "uno", "unos",
        "y", "ya", "yo",
    ]

    /// Whether `word` (any case, with or without accents) is a stopword.
    public static func contains(_ word: String) -> Bool {
        words.contains(TextFolding.fold(word))
    }
}
