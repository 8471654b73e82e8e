import GacetaCore
import GacetaFetch
import Testing

@Suite struct PublisherLayoutTests {
    let day = CalendarDate("2024-07-15")!

    @Test func namesAndFolders() {
        let layout = PublisherLayout(baseURL: "https://example.org/")
        #expect(
            layout.fileURL("COMP_15_07_2024.pdf", date: day) == "https://example.org/pub/2024/07/15/COMP_15_07_2024.pdf"
        )
        #expect(PublisherLayout.alcanceName(78, date: day) == "ALCA78_15_07_2024.pdf")
        #expect(PublisherLayout.alcanceNumber("ALCA78_15_07_2024.pdf", date: day) == 78)
        #expect(PublisherLayout.alcanceNumber("ALCA78_16_07_2024.pdf", date: day) == nil)
        #expect(PublisherLayout.alcanceNumber("ALCAx_15_07_2024.pdf", date: day) == nil)
    }

    @Test func listingLinksOfThatDayOnly() {
        let html = """
            <html><body><A HREF="COMP_15_07_2024.pdf">x</A> <a href='/pub/2024/07/15/ALCA79_15_07_2024.pdf'>y</a>
            <a href = ALCA78_15_07_2024.pdf>z</a><a href="ALCA80_16_07_2024.pdf">other day</a>
            <a href="COMP_15_07_2024.pdf?x=1">again</a><a href="../">up</a></body></html>
            """
        #expect(
            PublisherLayout.listedFiles(in: html, date: day)
                == ["COMP_15_07_2024.pdf", "ALCA78_15_07_2024.pdf", "ALCA79_15_07_2024.pdf"])
    }

    @Test func calendarArithmetic() {
        #expect(CalendarDate("2024-02-30") == nil)
        #expect(CalendarDate("2024-2-03") == nil)
        #expect(CalendarDate("2024-02-29")!.adding(days: 1).description == "2024-03-01")
        #expect(CalendarDate("2023-12-31")!.adding(days: 1).description == "2024-01-01")
        #expect(CalendarDate("2024-07-13")!.isWeekend)  // a Saturday
        #expect(CalendarDate("2024-07-14")!.isWeekend)
        #expect(!CalendarDate("2024-07-15")!.isWeekend)
        #expect(CalendarDate(daysSinceEpoch: day.daysSinceEpoch) == day)
        // 2026-01-01 00:30 UTC is still 2025-12-31 in Costa Rica (UTC-6).
        #expect(CalendarDate.today(in: "America/Costa_Rica", now: 1_767_227_400).description == "2025-12-31")
        #expect(CalendarDate.today(in: "UTC", now: 1_767_227_400).description == "2026-01-01")
    }

    @Test func editionNumberOnTheCover() {
        #expect(PDFCheck.editionNumber(in: "La Gaceta Nº 129 — Lunes 15 de julio") == "129")
        #expect(PDFCheck.editionNumber(in: "AÑO CXLVI   N° 0045") == "45")
        #expect(PDFCheck.editionNumber(in: "Número 7") == "7")
        #expect(PDFCheck.editionNumber(in: "Lunes 15 de noviembre 2024, San José") == nil)
    }
}
