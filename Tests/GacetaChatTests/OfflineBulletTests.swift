import GacetaChat
import GacetaCore
import GacetaText
import Testing
import TestSupport

@Suite struct OfflineBulletTests {
    /// The bullet without the "Decreto 45303-MTSS: " prefix it may carry.
    static func quote(_ bullet: SummaryBullet, _ notice: SummaryNotice) -> String {
        let label = notice.type.prefix(1).uppercased() + notice.type.dropFirst()
        for prefix in [notice.identifier.map { "\(label) \($0): " }, "\(label): "].compactMap({ $0 })
        where bullet.text.hasPrefix(prefix) {
            return String(bullet.text.dropFirst(prefix.count))
        }
        return bullet.text
    }

    @Test(arguments: Array(1...64) as [UInt64])
    func everyBulletsWordsAreOnItsPage(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let types = ["decreto", "edicto", "licitación", "resolución", "aviso", "notificación", "ley"]
        let notices = (1...7).map { index in
            SummaryFixtures.notice(
                index, type: types[index - 1], identifier: index % 2 == 0 ? "\(index)00-MP" : nil,
                first: index * 3, pages: 1 + Int.random(in: 0...2, using: &random), random: &random)
        }
        let result = try #require(Summarizer(model: nil).summarize(SummaryFixtures.source(notices), generatedAt: "t"))
        #expect(result.summary.bullets.count == 5)
        for bullet in result.summary.bullets {
            let notice = try #require(notices.first { $0.key == bullet.noticeKey })
            let page = try #require(notice.page(bullet.page), "cites a page of its notice")
            #expect(bullet.printedPage == page.printedNumber)
            let quote = Self.quote(bullet, notice)
            #expect(page.text.contains(quote), "verbatim on page \(bullet.page): \(quote)")
            let sentences = SentenceSplitter.sentences(quote)
            #expect((1...2).contains(sentences.count), "one or two whole sentences: \(quote)")
            #expect(sentences.allSatisfy { page.text.contains($0) })
            #expect(!quote.contains(notice.title), "the heading is not a bullet")
            #expect(SupportCheck().supports(bullet.text, passage: notice.pages.map(\.text).joined(separator: " ")))
        }
    }

    @Test func prefixedWithTypeAndIdentifierOnlyWhenTheSentenceLacksThem() throws {
        let saying = SummaryNotice(
            documentID: 1, key: "k1", noticeIndex: 1, title: "DECRETO EJECUTIVO N° 45303-MTSS", type: "decreto",
            identifier: "45303-MTSS",
            pages: [
                .init(
                    index: 4, printedNumber: "2",
                    text: "DECRETO EJECUTIVO N° 45303-MTSS\nEl Decreto 45303-MTSS fija los salarios mínimos del "
                        + "sector privado para el segundo semestre.")
            ])
        var silent = saying
        silent.key = "k2"
        silent.pages[0].text =
            "DECRETO EJECUTIVO N° 45303-MTSS\nArtículo 1°—Se fijan los salarios mínimos del sector privado para "
            + "el segundo semestre del año."
        let result = try #require(
            Summarizer(model: nil).summarize(SummaryFixtures.source([saying, silent]), generatedAt: "t"))
        let texts = Dictionary(uniqueKeysWithValues: result.summary.bullets.map { ($0.noticeKey, $0.text) })
        #expect(texts["k1"]?.hasPrefix("El Decreto 45303-MTSS fija") == true)
        #expect(texts["k2"]?.hasPrefix("Decreto 45303-MTSS: Artículo 1°—Se fijan") == true)
    }

    /// Page text joins a paragraph's lines: the section, institution and title printed above a notice's text open
    /// its first sentence, and are cut off; a notice titled by its first sentence keeps that sentence.
    @Test func headingsBeforeTheTextAreCutOff() throws {
        let resolution = SummaryNotice(
            documentID: 1, key: "k1", noticeIndex: 1, title: "RESOLUCIÓN N° DGT-R-012-2024", type: "resolución",
            identifier: "DGT-R-012-2024",
            pages: [
                .init(
                    index: 3, printedNumber: nil,
                    text: "DOCUMENTOS VARIOS HACIENDA RESOLUCIÓN N° DGT-R-012-2024 La Dirección General de "
                        + "Tributación fija el plazo para declarar el impuesto sobre bienes inmuebles del cantón.")
            ])
        let notice = SummaryNotice(
            documentID: 2, key: "k2", noticeIndex: 2,
            title: "La sociedad Transportes del Valle S. A. comunica la pérdida del libro de actas.", type: "aviso",
            pages: [
                .init(
                    index: 4, printedNumber: nil,
                    text: "AVISOS La sociedad Transportes del Valle S. A. comunica la pérdida del libro de actas. "
                        + "Quien lo encuentre lo devolverá en su domicilio.")
            ])
        let result = try #require(
            Summarizer(model: nil).summarize(SummaryFixtures.source([resolution, notice]), generatedAt: "t"))
        let texts = result.summary.bullets.map(\.text)
        #expect(
            texts.first
                == "Resolución DGT-R-012-2024: La Dirección General de Tributación fija el plazo para declarar el "
                + "impuesto sobre bienes inmuebles del cantón.")
        #expect(texts.last?.hasPrefix("Aviso: La sociedad Transportes del Valle S. A. comunica la pérdida") == true)
    }

    @Test func runningHeadsAreNotQuoted() throws {
        var random = SeededGenerator(seed: 9)
        let head = "La Gaceta Nº 129 — Lunes 15 de julio del 2024 — Pág"
        var notices = (1...5).map { SummaryFixtures.notice($0, type: "aviso", first: $0, random: &random) }
        for index in notices.indices {
            for page in notices[index].pages.indices {
                let text = notices[index].pages[page].text
                notices[index].pages[page].text = "\(head) \(notices[index].pages[page].index + 1) " + text
            }
        }
        let result = try #require(Summarizer(model: nil).summarize(SummaryFixtures.source(notices), generatedAt: "t"))
        for bullet in result.summary.bullets {
            #expect(!bullet.text.contains("La Gaceta Nº 129"), "furniture quoted: \(bullet.text)")
        }
    }

    @Test func tagsComeFromTheCommittedLists() {
        let water = SummaryTopics.tags(
            text: "Se fija la tarifa del servicio de agua potable del acueducto de Escazú.",
            title: "MUNICIPALIDAD DE ESCAZÚ")
        #expect(water.count <= SummaryTopics.maximumTags)
        #expect(water.contains("agua"))
        #expect(water.contains("municipal"))
        #expect(SummaryTopics.tags(text: "Lorem ipsum dolor sit amet.", title: "XYZ").isEmpty)
        #expect((18...24).contains(SummaryTopics.topics.count))
    }
}
