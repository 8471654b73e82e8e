import GacetaChat
import GacetaCore
import Testing
import TestSupport

@Suite struct SummaryChoiceTests {
    @Test func aDecreeAfterFiveEdictsLeadsTheSummary() throws {
        var random = SeededGenerator(seed: 17)
        var notices = (1...5).map { SummaryFixtures.notice($0, type: "edicto", first: $0, random: &random) }
        notices.append(
            SummaryFixtures.notice(6, type: "decreto", identifier: "45303-MTSS", first: 6, random: &random))
        let result = try #require(Summarizer(model: nil).summarize(SummaryFixtures.source(notices), generatedAt: "t"))
        #expect(result.summary.bullets.count == 5)
        #expect(result.summary.bullets.first?.noticeKey == notices[5].key)
        #expect(result.summary.bullets.first?.page == 6)
        #expect(result.summary.provider == "extractive")
        #expect(result.summary.bullets.allSatisfy { $0.provider == "extractive" })
    }

    @Test func typesThenPagesThenOrder() {
        var random = SeededGenerator(seed: 3)
        let types = ["notificación", "aviso", "licitación", "acuerdo", "reglamento", "decreto", "ley", "otro"]
        var notices = types.enumerated().map { offset, type in
            SummaryFixtures.notice(offset + 1, type: type, first: offset + 2, random: &random)
        }
        notices.append(SummaryFixtures.notice(9, type: "aviso", first: 20, pages: 3, random: &random))
        notices.append(SummaryFixtures.notice(10, type: "sumario", first: 1, random: &random))
        let ranked = SummaryChoice.ranked(notices).map(\.type)
        #expect(
            ranked == [
                "ley", "decreto", "reglamento", "acuerdo", "licitación", "aviso", "aviso", "notificación", "otro",
            ])
        let avisos = SummaryChoice.ranked(notices).filter { $0.type == "aviso" }.map(\.pageCount)
        #expect(avisos == [3, 1], "a longer notice first among equals")
    }

    @Test func atMostTwoBulletsFromOneInstitution() throws {
        var random = SeededGenerator(seed: 5)
        let notices = (1...6).map { index in
            SummaryFixtures.notice(
                index, type: "decreto", identifier: "4530\(index)-MP",
                institution: index <= 4 ? "MINISTERIO DE LA PRESIDENCIA" : "Ministerio de Salud",
                first: index, random: &random)
        }
        let result = try #require(Summarizer(model: nil).summarize(SummaryFixtures.source(notices), generatedAt: "t"))
        let institutions = result.summary.bullets.compactMap { bullet in
            notices.first { $0.key == bullet.noticeKey }?.institution?.lowercased()
        }
        #expect(institutions.filter { $0 == "ministerio de la presidencia" }.count == 2)
        #expect(result.summary.bullets.count == 4, "two of each institution")
    }

    @Test func anAlcanceNoticeTakesPartInItsDate() throws {
        var random = SeededGenerator(seed: 11)
        var notices = (1...5).map { SummaryFixtures.notice($0, type: "aviso", first: $0, random: &random) }
        var law = SummaryFixtures.notice(1, type: "ley", identifier: "10500", first: 2, random: &random)
        law.isAlcance = true
        law.key = "IN2024999999"
        notices.append(law)
        let result = try #require(Summarizer(model: nil).summarize(SummaryFixtures.source(notices), generatedAt: "t"))
        #expect(result.summary.bullets.first?.noticeKey == "IN2024999999")
    }

    @Test func noNoticeNoSummary() {
        var random = SeededGenerator(seed: 1)
        let cover = SummaryFixtures.notice(1, type: "sumario", first: 1, random: &random)
        #expect(Summarizer(model: nil).summarize(SummaryFixtures.source([cover]), generatedAt: "t") == nil)
        #expect(Summarizer(model: nil).summarize(SummaryFixtures.source([]), generatedAt: "t") == nil)
    }
}
