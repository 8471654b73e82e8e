import GacetaText
import Testing

@Suite struct SentenceSplitterTests {
    @Test func splitsAtTerminators() {
        let text = "Primera oración. ¿Segunda pregunta? ¡Tercera! Cuarta parte; quinta."
        #expect(
            SentenceSplitter.sentences(text) == [
                "Primera oración.", "¿Segunda pregunta?", "¡Tercera!", "Cuarta parte;", "quinta.",
            ])
    }

    @Test func keepsAbbreviations() {
        let text = "El Sr. Pérez y la Dra. Mora, según el Art. 5 y la pág. 3, firmaron. Lic. Ana Soto, Ing. Rojas."
        #expect(
            SentenceSplitter.sentences(text) == [
                "El Sr. Pérez y la Dra. Mora, según el Art. 5 y la pág. 3, firmaron.", "Lic. Ana Soto, Ing. Rojas.",
            ])
        #expect(
            SentenceSplitter.sentences("Empresa Tal S.A. presentó oferta. Fin.") == [
                "Empresa Tal S.A. presentó oferta.", "Fin.",
            ])
        #expect(SentenceSplitter.sentences("Documentos, planos, etc. deben entregarse. Gracias.").count == 2)
        #expect(SentenceSplitter.sentences("Firmado por J. Pérez hoy.").count == 1)
    }

    @Test func numberAbbreviationsNeedADigit() {
        #expect(
            SentenceSplitter.sentences("Ver la Ley No. 525 y el Decreto N. 12. Nada más.") == [
                "Ver la Ley No. 525 y el Decreto N. 12.", "Nada más.",
            ])
        #expect(SentenceSplitter.sentences("Se decide si procede o no. Luego se archiva.").count == 2)
    }

    @Test func doesNotSplitNumbers() {
        #expect(
            SentenceSplitter.sentences("Pagó 44.123 colones al 3.5 por ciento. Listo.") == [
                "Pagó 44.123 colones al 3.5 por ciento.", "Listo.",
            ])
    }

    @Test func handlesQuotesAndWhitespace() {
        #expect(SentenceSplitter.sentences("  Dijo «basta.» Luego\nsalió.  ") == ["Dijo «basta.»", "Luego\nsalió."])
        #expect(SentenceSplitter.sentences("Sin punto final") == ["Sin punto final"])
        #expect(SentenceSplitter.sentences("").isEmpty)
        #expect(SentenceSplitter.sentences("  \n ").isEmpty)
        #expect(SentenceSplitter.sentences("...").count == 1)
    }

    /// A notice's heading in capitals is its own sentence: chunks join a page's lines, so «JUZGADO CIVIL DE CARTAGO»
    /// would otherwise open the edict's first sentence, and a title between two articles the next one's.
    @Test func headingInCapitalsIsItsOwnSentence() {
        #expect(
            SentenceSplitter.sentences("JUZGADO CIVIL DE CARTAGO Se cita y emplaza a los herederos.") == [
                "JUZGADO CIVIL DE CARTAGO", "Se cita y emplaza a los herederos.",
            ])
        #expect(
            SentenceSplitter.sentences(
                "Determina la secretaría técnica. DEL TÍTULO III: EJECUCIÓN Y TRANSPARENCIA En su duodécimo artículo."
            ) == [
                "Determina la secretaría técnica.", "DEL TÍTULO III: EJECUCIÓN Y TRANSPARENCIA",
                "En su duodécimo artículo.",
            ])
        #expect(
            SentenceSplitter.sentences(
                "MINISTERIO DE SALUD N° 44123-S EL PRESIDENTE DE LA REPÚBLICA En uso de sus facultades.")
                == ["MINISTERIO DE SALUD N° 44123-S EL PRESIDENTE DE LA REPÚBLICA", "En uso de sus facultades."])
    }

    /// Capitals inside a sentence, a lone capital word or an acronym before a name stay where they are.
    @Test func capitalsThatAreNoHeadingStay() {
        #expect(SentenceSplitter.sentences("ARTÍCULO 5 Los diputados durarán cuatro años.").count == 1)
        #expect(SentenceSplitter.sentences("La CCSS y el INS Pagarán la diferencia.").count == 1)
        #expect(SentenceSplitter.sentences("CCSS San José informa.").count == 1)
        #expect(SentenceSplitter.sentences("EDICTO DE REMATE").count == 1)
        #expect(SentenceSplitter.sentences("EL CONCEJO MUNICIPAL ACUERDA: aprobar el reglamento.").count == 1)
    }

    @Test func whatIsAHeading() {
        #expect(SentenceSplitter.isHeading("JUZGADO CIVIL DE CARTAGO"))
        #expect(SentenceSplitter.isHeading("DEL TÍTULO III: EJECUCIÓN Y TRANSPARENCIA"))
        #expect(SentenceSplitter.isHeading("ÁREA RECTORA N° 44123-S"))
        #expect(!SentenceSplitter.isHeading("LA CCSS"), "6 capitals")
        #expect(!SentenceSplitter.isHeading("CARTAGO"), "one word")
        #expect(!SentenceSplitter.isHeading("MUNICIPALIDAD DE cartago"))
        #expect(!SentenceSplitter.isHeading("MUNICIPALIDAD DE CARTAGÑo"))
        #expect(!SentenceSplitter.isHeading("ÁREA RECTORA DE SALUD ñ"))
        #expect(!SentenceSplitter.isHeading("Se cita y emplaza a los herederos."))
    }
}
