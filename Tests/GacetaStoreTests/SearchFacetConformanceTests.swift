import GacetaAPI
import GacetaCore
import GacetaQuery
import Testing

/// Search filters by type and institution, facets over every match (not the page returned), and the date sort,
/// the same on both stores.
@Suite struct SearchFacetConformanceTests {
    static let sections = ["PODER EJECUTIVO", "CONTRATACIÓN ADMINISTRATIVA", "RÉGIMEN MUNICIPAL"]
    static let types = ["decreto", "licitación", "edicto"]
    static let institutions = ["MINISTERIO DE HACIENDA", "MUNICIPALIDAD DE ESCAZÚ"]

    /// 30 notices holding "tractor" (10 a section), spread over 6 days, plus one that does not.
    static func fill(_ harness: StoreHarness) throws {
        for number in 0..<31 {
            let section = sections[number % 3]
            let day = 10 + number % 6
            let text = number == 30 ? "Un aviso sin maquinaria." : "Se adquiere el tractor número \(number) del lote."
            _ = try harness.store.ingest(
                IngestDocument(
                    sourcePath: "/facets/\(number).md", sourceSHA256: "f\(number)",
                    edition: .init(date: "2024-07-\(day)", number: String(100 + day), sourceURL: nil, sha256: nil),
                    title: "Aviso \(number)", section: section, type: types[number % 3], identifier: nil,
                    pages: [.init(index: 1, printedNumber: nil, text: text, chunks: [text])],
                    notice: NoticeFacts(institution: institutions[number % 2])))
        }
    }

    static func tractor(_ configure: (inout SearchRequest) -> Void = { _ in }) -> SearchRequest {
        var request = SearchRequest(expression: SearchExpression(required: [[.word("tractor")]]), perPage: 5)
        request.facets = true
        configure(&request)
        return request
    }

    @Test(arguments: StoreKind.testable) func facetsCountEveryMatchNotThePage(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try Self.fill(harness)
        let results = try harness.store.search(Self.tractor())
        #expect(results.total == 30 && results.hits.count == 5)
        let facets = try #require(results.facets)
        #expect(facets.section.map(\.count).reduce(0, +) == 30)
        #expect(Set(facets.section.map(\.value)) == Set(Self.sections))
        #expect(facets.section.allSatisfy { $0.count == 10 })
        #expect(facets.type.map(\.count).reduce(0, +) == 30)
        #expect(facets.institution.map(\.count) == [15, 15])
        #expect(try harness.store.search(Self.tractor { $0.facets = false }).facets == nil)
    }

    @Test(arguments: StoreKind.testable) func typeAndInstitutionFilterExactFields(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try Self.fill(harness)
        let type = try harness.store.search(Self.tractor { $0.type = "licitación" })
        #expect(type.total == 10)
        #expect(type.facets?.type.map(\.value) == ["licitación"])
        let institution = try harness.store.search(Self.tractor { $0.institution = "municipalidad de escazú" })
        #expect(institution.total == 15)
        let both = try harness.store.search(
            Self.tractor {
                $0.type = "EDICTO"
                $0.institution = "MINISTERIO DE HACIENDA"
            })
        #expect(both.total == 5, "numbers 2, 8, 14, 20, 26")
        #expect(try harness.store.search(Self.tractor { $0.institution = "HACIENDA" }).total == 0, "exact field")
    }

    @Test(arguments: StoreKind.testable) func sortByDateGivesTheNewestEditionFirst(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try Self.fill(harness)
        var dates: [String] = []
        for page in 1...6 {
            let results = try harness.store.search(
                Self.tractor {
                    $0.sort = .date
                    $0.page = page
                })
            dates += results.hits.map(\.editionDate)
        }
        #expect(dates.count == 30)
        #expect(dates == dates.sorted(by: >))
        #expect(dates.first == "2024-07-15")
    }

    @Test func theAPIChecksTypeAndSort() throws {
        let request = try SearchParameters(query: "tractor", type: "Resolucion", sort: "DATE").request()
        #expect(request.type == "resolución" && request.sort == .date)
        #expect(throws: HTTPError.self) { try SearchParameters(query: "tractor", type: "memorando").request() }
        #expect(throws: HTTPError.self) { try SearchParameters(query: "tractor", sort: "newest").request() }
    }
}
