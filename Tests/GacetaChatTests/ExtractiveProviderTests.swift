import GacetaChat
import GacetaCore
import Testing

@Suite struct ExtractiveProviderTests {
    let provider = ExtractiveProvider()

    @Test func citesThePageHoldingTheFact() throws {
        let answer = try provider.answer(
            question: "¿Qué se decidió sobre el precio del calzado escolar?", history: [],
            passages: Fixtures.passages, onToken: nil)
        #expect(answer.provider == "extractive")
        #expect(answer.fallbackReason == nil)
        let first = try #require(answer.citations.first)
        #expect(first.n == 1)
        #expect(first.page == 3)
        #expect(first.printedPage == "13")
        #expect(first.editionNumber == "129")
        #expect(first.documentTitle == "Decreto Ejecutivo N° 44123-MEIC")
        #expect(first.quote.hasPrefix("Artículo 1°—Se fija un precio máximo de venta al consumidor de ₡18.500"))
        #expect(
            answer.text.hasPrefix(
                "Según Decreto Ejecutivo N° 44123-MEIC (La Gaceta Nº 129, lunes 15 de julio del 2024, página 13), "
                    + "«Artículo 1°—Se fija"))
        #expect(first.reference == "La Gaceta Nº 129 del 15 de julio del 2024, página 13")
        #expect(!answer.citations.contains { $0.documentID == 11 }, "the fuel passage does not answer this")
        Checks.wellCited(answer, passages: Fixtures.passages)
    }

    @Test func anotherQuestionCitesAnotherDocument() throws {
        let answer = try provider.answer(
            question: "¿Cuánto bajó el precio de la gasolina súper?", history: [], passages: Fixtures.passages,
            onToken: nil)
        let first = try #require(answer.citations.first)
        #expect(first.documentID == 11)
        #expect(first.page == 7)
        #expect(first.quote == "El precio de la gasolina súper baja ₡12 por litro a partir de su publicación.")
        #expect(
            answer.text.hasPrefix(
                "Según ARESEP RE-0045-IE-2024 (La Gaceta Nº 130, martes 16 de julio del 2024, página 17), "
                    + "«El precio de la gasolina"))
        Checks.wellCited(answer, passages: Fixtures.passages)
    }

    /// A notice's heading in capitals runs into its first sentence on the page (chunks join lines): the heading's
    /// words count for that sentence («Cartago», «ciclovías» are only there), but the quote is the sentence alone —
    /// the answer names the notice. A heading on a line of its own (a Markdown title) lends its words to nothing.
    @Test func aHeadingHelpsItsSentenceButIsNotQuoted() throws {
        let rule = Fixtures.hit(
            """
            REGLAMENTOS MUNICIPALIDAD DE CARTAGO REGLAMENTO PARA EL USO DE LAS CICLOVÍAS DEL CANTÓN DE CARTAGO \
            Artículo 4°—Queda prohibida la circulación de motocicletas y cuadraciclos.
            """, page: 4, document: 20, title: "REGLAMENTO PARA EL USO DE LAS CICLOVÍAS DEL CANTÓN DE CARTAGO")
        let elsewhere = Fixtures.hit(
            """
            REGLAMENTO DE CICLOVÍAS DE CARTAGO
            Artículo 9°—Queda prohibida la circulación de motocicletas en los parques.
            """, page: 9, document: 21, title: "Reglamento de parques")
        let question = "¿Pueden circular motocicletas por las ciclovías de Cartago?"
        let answer = try provider.answer(
            question: question, history: [], passages: [elsewhere, rule], onToken: nil)
        let first = try #require(answer.citations.first)
        #expect(first.documentID == 20, "\(answer.text)")
        #expect(first.quote == "Artículo 4°—Queda prohibida la circulación de motocicletas y cuadraciclos.")
        #expect(!answer.text.contains("«REGLAMENTOS"), "\(answer.text)")
        Checks.wellCited(answer, passages: [elsewhere, rule])
    }

    /// A name the question types that the passage lacks (nor its title) makes the passage answer another question:
    /// «No encontré…», no citation. A name its document's title holds, or an acronym whose institution the passage
    /// names, is held.
    @Test func aPassageLackingANameTheQuestionTypesIsNoAnswer() throws {
        let elsewhere = try provider.answer(
            question: "¿Qué se decidió sobre el precio del calzado escolar en Heredia?", history: [],
            passages: Fixtures.passages, onToken: nil)
        #expect(elsewhere.text == "No encontré información sobre eso en las ediciones de La Gaceta disponibles.")
        #expect(elsewhere.citations.isEmpty)
        let here = try provider.answer(
            question: "¿Qué se decidió sobre el precio del calzado escolar?", history: [],
            passages: Fixtures.passages, onToken: nil)
        #expect(here.citations.first?.page == 3, "\(here.text)")

        let lanes = Fixtures.hit(
            "Artículo 4°—En las ciclovías del cantón queda prohibida la circulación de motocicletas.", page: 4,
            document: 20, title: "REGLAMENTO DE CICLOVÍAS DE LA MUNICIPALIDAD DE CARTAGO")
        let titled = try provider.answer(
            question: "¿Pueden circular motocicletas por las ciclovías de Cartago?", history: [], passages: [lanes],
            onToken: nil)
        #expect(titled.citations.first?.documentID == 20, "the title names Cartago: \(titled.text)")
        let insurer = Fixtures.hit(
            "El asegurado dará aviso del accidente al Instituto Nacional de Seguros dentro de los ocho días hábiles.",
            page: 5, document: 21, title: "Reglamento del seguro de riesgos del trabajo")
        let acronym = try provider.answer(
            question: "¿En qué plazo se avisa un accidente al INS?", history: [], passages: [insurer], onToken: nil)
        #expect(acronym.citations.first?.documentID == 21, "\(acronym.text)")

        // A question in two parts: the passage answers the one whose name it holds.
        let lobster = Fixtures.hit(
            "Se establece una veda para la captura de langosta espinosa en el Golfo de Papagayo.", page: 7,
            document: 22, title: "Acuerdo de pesca")
        let parts = try provider.answer(
            question: "¿Qué se decidió sobre la langosta de Papagayo y sobre el mercado de Turrialba?", history: [],
            passages: [lobster], onToken: nil)
        #expect(parts.citations.first?.documentID == 22, "\(parts.text)")
        let wrongPlace = try provider.answer(
            question: "¿Qué se decidió sobre la langosta de Nicoya?", history: [], passages: [lobster], onToken: nil)
        #expect(wrongPlace.citations.isEmpty, "\(wrongPlace.text)")
    }

    @Test func everySentenceEndsWithItsMarker() throws {
        // The decree's page says the price twice in almost the same words: neither sentence is clearly better, so
        // both are quoted, the second following the first.
        let twice = Fixtures.hit(
            Fixtures.shoesPrice.text + """
                 Artículo 2°—El precio máximo del calzado escolar de lona blanca, tallas 28 a 42, se fija en \
                ₡9.500 para el consumidor.
                """, page: 3)
        let passages = [twice, Fixtures.fuel, Fixtures.fishing]
        let answer = try provider.answer(
            question: "¿Qué precio tiene el calzado escolar?", history: [], passages: passages, onToken: nil)
        #expect(answer.citations.count == 2, "the page fixes two prices of school shoes alike: \(answer.text)")
        #expect(answer.text.contains("» [1]. Y agrega: «"), "\(answer.text)")
        let sentences = answer.text.split(separator: "]. ").map(String.init)
        #expect(sentences.count == answer.citations.count)
        for (index, sentence) in sentences.enumerated() {
            #expect(sentence.hasSuffix("[\(index + 1)") || sentence.hasSuffix("[\(index + 1)]."), "\(sentence)")
        }
        Checks.wellCited(answer, passages: passages)
    }

    /// Two decrees fix the price in almost the same words: the answer quotes one page, not both (a second page
    /// cited is, on bench/answers, more often a wrong one).
    @Test func quotesOnePage() throws {
        let sandals = Fixtures.hit(
            """
            Artículo 1°—Se fija un precio máximo de venta al consumidor de ₡9.500 para el calzado escolar \
            de lona blanca, tallas 28 a 42. Los comercios deberán exhibir dicho precio en un lugar visible.
            """, page: 5, document: 13, title: "Decreto Ejecutivo N° 44124-MEIC")
        let passages = Fixtures.passages + [sandals, Fixtures.fishing]
        let answer = try provider.answer(
            question: "¿Qué precio tiene el calzado escolar?", history: [], passages: passages, onToken: nil)
        let first = try #require(answer.citations.first)
        #expect(answer.citations.allSatisfy { $0.documentID == first.documentID && $0.page == first.page })
        Checks.wellCited(answer, passages: passages)
    }

    /// When the best sentence is clearly better (the article that fixes the price, against a sentence on fines
    /// that only names it), it is quoted alone: one citation.
    @Test func aClearlyBetterSentenceIsQuotedAlone() throws {
        let answer = try provider.answer(
            question: "¿Qué precio tiene el calzado escolar?", history: [],
            passages: Fixtures.passages + [Fixtures.fishing], onToken: nil)
        #expect(answer.citations.count == 1, "\(answer.text)")
        #expect(answer.citations.first?.quote.contains("Se fija un precio máximo") == true)
    }

    @Test func nothingRelevantSaysSoAndCitesNothing() throws {
        let answer = try provider.answer(
            question: "¿Cuál es el salario mínimo de las trabajadoras domésticas?", history: [],
            passages: Fixtures.passages + [Fixtures.fishing], onToken: nil)
        #expect(answer.text == "No encontré información sobre eso en las ediciones de La Gaceta disponibles.")
        #expect(answer.citations.isEmpty)
        #expect(Checks.markers(in: answer.text).isEmpty)
    }

    @Test func aSentenceLackingTheQuestionsRarestWordDoesNotAnswerIt() throws {
        // The fishing ban's page says nothing of a subsidy, another page does (of another subsidy): the best
        // sentence holds "veda" and "camarón" but not the word the question turns on.
        let subsidy = Fixtures.hit(
            "El IMAS otorga un subsidio de ₡75.000 a las familias afectadas por las inundaciones en Sarapiquí.",
            page: 5, document: 13, title: "IMAS Resolución 44-2024")
        let passages = [Fixtures.fishing, Fixtures.shoesPrice, subsidy, Fixtures.fuel]
        let strict = ExtractiveProvider(missingWordLimit: 0.4)
        let refused = try strict.answer(
            question: "¿Qué subsidio recibirán los pescadores durante la veda del camarón?", history: [],
            passages: passages, onToken: nil)
        #expect(refused.text == "No encontré información sobre eso en las ediciones de La Gaceta disponibles.")
        #expect(refused.citations.isEmpty)
        // The same passages answer what they do hold.
        let answered = try strict.answer(
            question: "¿Cuándo empieza la veda del camarón en el Golfo de Nicoya?", history: [], passages: passages,
            onToken: nil)
        #expect(answered.citations.first?.documentID == 12, "\(answered.text)")
    }

    @Test func anInstitutionsNameAnswersForItsAcronym() throws {
        // The page prints the company's name; a page that prints only the acronym says nothing of the tariff.
        let tariff = Fixtures.hit(
            """
            La tarifa residencial de electricidad de la Compañía Nacional de Fuerza y Luz bajará un 3,8% a partir \
            del 1° de agosto del 2024 por la menor generación térmica prevista.
            """, page: 7, document: 21, title: "ARESEP RE-0091-IE-2024")
        let office = Fixtures.hit(
            "La CNFL trasladará sus oficinas de atención al cliente de Desamparados a San Rafael.", page: 9,
            document: 22, title: "CNFL Aviso")
        let answer = try ExtractiveProvider(missingWordLimit: 0.4).answer(
            question: "¿Cuánto bajará la tarifa residencial de la CNFL?", history: [],
            passages: [office, tariff, Fixtures.fuel], onToken: nil)
        #expect(answer.citations.first?.documentID == 21, "\(answer.text)")
    }

    @Test func aDemonymFindsItsPlacesNotice() throws {
        // Both cantons limit the speed on their bicycle lanes; the question asks about Cartago's by its people's
        // word, and the other canton's page comes first.
        let heredia = Fixtures.hit(
            "La Municipalidad de Heredia fija en 20 kilómetros por hora la velocidad máxima en las ciclovías.",
            page: 5, document: 31, title: "MUNICIPALIDAD DE HEREDIA Reglamento de ciclovías")
        let cartago = Fixtures.hit(
            "La Municipalidad de Cartago fija en 25 kilómetros por hora la velocidad máxima en las ciclovías.",
            page: 6, document: 32, title: "MUNICIPALIDAD DE CARTAGO Reglamento de ciclovías")
        let answer = try provider.answer(
            question: "¿Qué velocidad máxima rige en las ciclovías cartaginesas?", history: [],
            passages: [heredia, cartago, Fixtures.fuel], onToken: nil)
        #expect(answer.citations.first?.documentID == 32, "\(answer.text)")
    }

    @Test func noPassagesSaysSo() throws {
        let answer = try provider.answer(question: "¿Qué pasó con el calzado?", history: [], passages: [], onToken: nil)
        #expect(answer.text.hasPrefix("No encontré"))
        #expect(answer.citations.isEmpty)
    }

    @Test func followUpUsesThePreviousQuestion() throws {
        let history = [Fixtures.turn("¿Qué se decidió sobre el precio del calzado escolar?")]
        let unrelatedVigencia = Fixtures.hit(
            "La reforma al reglamento de tránsito entra en vigencia en enero de 2025.", page: 20, document: 30,
            title: "MOPT", date: "2024-07-17", edition: "131")
        let passages = [unrelatedVigencia, Fixtures.shoesPrice, Fixtures.shoesEffect]
        let answer = try provider.answer(
            question: "¿Y cuándo entra en vigencia?", history: history, passages: passages, onToken: nil)
        let first = try #require(answer.citations.first)
        #expect(first.documentID == 10, "the decree on shoes, not the traffic rules: \(answer.text)")
        #expect(first.page == 4)
        #expect(first.quote.contains("entra en vigencia el 1 de agosto de 2024"))
        Checks.wellCited(answer, passages: passages)
    }

    @Test func repeatedSentencesOfOverlappingChunksAreQuotedOnce() throws {
        let overlap = Fixtures.hit(Fixtures.shoesPrice.text, page: 3, chunk: 301)
        let passages = [Fixtures.shoesPrice, overlap]
        let answer = try provider.answer(
            question: "precio máximo del calzado escolar", history: [], passages: passages, onToken: nil)
        #expect(Set(answer.citations.map(\.quote)).count == answer.citations.count)
        Checks.wellCited(answer, passages: passages)
    }

    @Test func onTokenReceivesTheAnswerSentenceBySentence() throws {
        var tokens: [String] = []
        let answer = try provider.answer(
            question: "precio del calzado escolar", history: [], passages: Fixtures.passages,
            onToken: { tokens.append($0) })
        #expect(tokens.joined() == answer.text)
        #expect(tokens.count == answer.citations.count, "one token per cited sentence: \(tokens)")
        #expect(tokens.dropLast().allSatisfy { $0.hasSuffix(". ") })
    }
}
