import GacetaText
import Testing

/// Plural and singular must meet in the index, even where Snowball alone would split them.
@Suite struct PluralTests {
    @Test(arguments: [
        ("mínimo", "mínimos"), ("salario", "salarios"), ("ley", "leyes"), ("ciudad", "ciudades"),
        ("juez", "jueces"), ("licitación", "licitaciones"), ("canción", "canciones"), ("doméstica", "domésticas"),
        ("general", "generales"), ("decreto", "decretos"), ("parte", "partes"), ("mujer", "mujeres"),
    ])
    func singularAndPluralShareAStem(singular: String, plural: String) {
        let stemmer = SpanishStemmer()
        #expect(stemmer.stem(singular) == stemmer.stem(plural), "\(singular) / \(plural)")
    }

    @Test func wordsThatOnlyLookPluralStillMatchThemselves() {
        let tokenizer = SpanishTokenizer()
        for word in ["crisis", "lunes", "país", "análisis"] {
            #expect(tokenizer.terms(word) == tokenizer.terms(word.uppercased()))
            #expect(!(tokenizer.terms(word).first ?? "").isEmpty)
        }
    }
}
