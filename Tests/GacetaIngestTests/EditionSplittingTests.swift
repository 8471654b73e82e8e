import Foundation
import GacetaIngest
import TestSupport
import Testing

/// A generated two-column edition (running headers worded at random per run) read as its notices.
@Suite struct EditionSplittingTests {
    static func read(_ edition: GeneratedEdition, in folder: TemporaryFolder) throws -> (EditionReading, [String]) {
        let path = try folder.pdf("COMP_\(edition.day)_07_2024", ms: edition.source)
        let raw = try PDFText.pages(of: path, columns: true)
        return (EditionReader.read(rawPages: raw, fileName: path), raw)
    }

    @Test func mastheadWithoutDate() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let edition = GeneratedEdition()
        let (reading, _) = try Self.read(edition, in: folder)

        let masthead = try #require(reading.masthead)
        #expect(masthead.date == String(format: "2024-07-%02d", edition.day))
        #expect(masthead.number == String(edition.number))
        #expect(masthead.publication == "La Gaceta")
        #expect(masthead.kind == .regular)
        #expect(!masthead.isPlaceholder(pageCount: reading.pages.count))
    }

    @Test func noticesWithTheirHeadingsSectionsAndCodes() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let edition = GeneratedEdition()
        let (reading, _) = try Self.read(edition, in: folder)
        let split = try #require(reading.split)
        #expect(split.foundBoundaries)

        let sumario = try #require(split.notices.first)
        #expect(sumario.type == .sumario)
        #expect(sumario.firstPage == 1)
        #expect(sumario.text.contains("CONTENIDO"))
        #expect(sumario.text.contains("Nº \(edition.number)"))

        let notices = Array(split.notices.dropFirst())
        #expect(notices.map(\.title) == edition.notices.map(\.title))
        #expect(notices.map(\.type.rawValue) == edition.notices.map(\.type))
        #expect(notices.map(\.identifier) == edition.notices.map(\.identifier))
        #expect(notices.map(\.section) == edition.notices.map(\.section))
        #expect(notices.map(\.institution) == edition.notices.map(\.institution))
        #expect(notices.map(\.publicationCode) == edition.notices.map(\.code))
        #expect(split.notices.map(\.index) == Array(1...split.notices.count))
        for (notice, expected) in zip(notices, edition.notices) {
            #expect(notice.text.contains(expected.code ?? "-"), "\(notice.title) holds its own code")
        }
    }

    @Test func pagesOfEachNoticeAndTheLongOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let edition = GeneratedEdition()
        let (reading, raw) = try Self.read(edition, in: folder)
        let notices = try #require(reading.split?.notices)

        // Each notice's first and last pages are where its first and last words are printed.
        for notice in notices {
            let firstLine = try #require(notice.parts.first?.text.split(separator: "\n").first)
            let lastLine = try #require(notice.parts.last?.text.split(separator: "\n").last)
            #expect(raw[notice.firstPage - 1].contains(firstLine), "\(notice.title) starts on its first page")
            #expect(raw[notice.lastPage - 1].contains(lastLine), "\(notice.title) ends on its last page")
            #expect(notice.parts.map(\.page) == Array(notice.firstPage...notice.lastPage))
        }
        // The resolution runs over a column and a page break; every sentence reads whole, in order.
        let long = try #require(notices.first { $0.title.hasPrefix("RESOLUCIÓN") })
        #expect(long.lastPage > long.firstPage)
        let text = Self.flatten(long.text)
        var searchFrom = text.startIndex
        for sentence in edition.longSentences {
            let found = text.range(of: sentence, range: searchFrom..<text.endIndex)
            #expect(found != nil, "\(sentence)")
            searchFrom = found?.upperBound ?? searchFrom
        }
        // A page shared by two notices: each has its own part of it.
        let decree = try #require(notices.first { $0.title.hasPrefix("DECRETO") })
        let agreement = try #require(notices.first { $0.title.hasPrefix("ACUERDO") })
        #expect(decree.lastPage == agreement.firstPage)
        let decreeEnd = Self.flatten(decree.parts.last?.text ?? "")
        let agreementStart = Self.flatten(agreement.parts.first?.text ?? "")
        #expect(!decreeEnd.contains("feria de semillas"))
        #expect(decreeEnd.contains("faroles verdes"))
        #expect(agreementStart.contains("feria de semillas"))
    }

    @Test func runningHeadersOutAndPrintedPagesKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let edition = GeneratedEdition()
        let (reading, raw) = try Self.read(edition, in: folder)
        #expect(reading.pages.count >= 3)

        let headerWords = Set(edition.headerWords)
        #expect(raw.dropFirst().contains { page in headerWords.contains { page.contains($0) } }, "headers printed")
        for page in reading.pages {
            for word in headerWords {
                #expect(!page.text.contains(word), "page \(page.index) still holds header word \(word)")
            }
            #expect(!page.text.contains("Pág \(page.index)"))
        }
        for notice in reading.split?.notices ?? [] {
            for word in headerWords { #expect(!notice.text.contains(word)) }
        }
        // ms prints no header on page 1; the others keep the number printed in theirs.
        #expect(reading.pages.dropFirst().map(\.printedNumber) == reading.pages.dropFirst().map { String($0.index) })
    }

    @Test func alcanceAndHolidayPlaceholder() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let alcance = try folder.pdf(
            "ALCA78_15_07_2024",
            ms: """
                .LP
                .ce 2
                ALCANCE Nº 78 A LA GACETA Nº 113
                Lunes 15 de julio del 2024
                .SH
                PODER EJECUTIVO
                .SH
                DECRETO EJECUTIVO N° 44200-H
                .PP
                Se modifica el presupuesto de la república. 1 vez.\\(em( IN2024000200 ).
                .bp
                .SH
                AVISOS
                .LP
                El Colegio de Abogados comunica su asamblea. 1 vez.\\(em( IN2024000201 ).
                """)
        let reading = EditionReader.read(rawPages: try PDFText.pages(of: alcance, columns: true), fileName: alcance)
        let masthead = try #require(reading.masthead)
        #expect(masthead.kind == .alcance)
        #expect(masthead.alcanceNumber == 78)
        #expect(masthead.number == "113")
        #expect(masthead.date == "2024-07-15")
        let notices = try #require(reading.split?.notices)
        #expect(notices.map(\.type) == [.sumario, .decreto, .aviso])
        #expect(notices.map(\.firstPage) == [1, 1, 2])

        let placeholder = try folder.pdf(
            "COMP_25_07_2025",
            ms: """
                .LP
                .ce 3
                La Gaceta
                Diario Oficial
                Viernes 25 de julio del 2025
                .LP
                Este día no se publica La Gaceta por ser feriado.
                """)
        let holiday = EditionReader.read(
            rawPages: try PDFText.pages(of: placeholder, columns: true), fileName: placeholder)
        let cover = try #require(holiday.masthead)
        #expect(cover.isPlaceholder(pageCount: holiday.pages.count))
        #expect(holiday.split == nil)
    }

    @Test func aLawIsNotAGazette() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let law = try folder.pdf(
            "ley",
            ms: """
                .LP
                LEY SOBRE RESOLUCIÓN ALTERNA DE CONFLICTOS
                .br
                No. 7727 de 09 de diciembre de 1997
                .br
                La Gaceta No. 09 de 14 de enero de 1998
                .PP
                Artículo 1. Toda persona tiene derecho a una educación sobre la paz.
                """)
        let reading = EditionReader.read(rawPages: try PDFText.pages(of: law, columns: true), fileName: law)
        #expect(reading.masthead == nil)
        #expect(reading.split == nil)
    }

    static func flatten(_ text: String) -> String {
        // pdftotext breaks lines and may hyphenate nothing here (groff -ms with .hy 0 is not set, but the words are
        // short); join lines with spaces.
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
