import GacetaCore
import GacetaQuery
import GacetaStore
import Testing
import TestSupport

/// Snippets of long chunks: the window is placed, cut and marked the same way on both stores, so the snippet
/// HTML of every hit is byte for byte the same.
@Suite struct StoreSnippetParityTests {
    /// Words of made-up gazette prose: query terms with accents and case variants, words sharing their stems
    /// or prefixes, numbers, and text to escape.
    static let words = [
        "el", "la", "de", "los", "las", "que", "en", "por", "para", "con", "del", "se", "una", "un", "sus",
        "Ministerio", "salud", "Salud", "SALUD", "contratación", "Contratación", "CONTRATACIÓN", "contrataciones",
        "contrato", "contratos", "contratista", "contratar", "licitación", "licitaciones", "pública", "públicas",
        "salario", "salarios", "Salario", "mínimo", "mínimos", "ley", "leyes", "Ley", "decreto", "decretos",
        "artículo", "reglamento", "junta", "directiva", "acuerdo", "sesión", "número", "2024LN-000012", "44.123",
        "canción", "niño", "años", "municipalidad", "presupuesto", "servicios", "obras", "vías", "<b>&", "camino",
    ]

    /// A deterministic text of `count` words, cut into sentences ending with '.', ':', ';' or ','.
    static func prose(seed: UInt64, count: Int) -> String {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var text = ""
        var sentence = 0
        for index in 0..<count {
            if index > 0 { text += " " }
            text += words[next(words.count)]
            sentence += 1
            if sentence > 4 && next(9) == 0 || index == count - 1 {
                text += [".", ":", ";", ",", ".", "."][next(6)]
                if next(4) == 0 { text += "\n" }
                sentence = 0
            }
        }
        return text
    }

    /// Documents of several long chunks each (a short one too), query terms far apart.
    static let fixture: [IngestDocument] = (0..<6).map { number in
        let pages = (0..<3).map { page -> (String?, [String]) in
            let seed = UInt64(number * 10 + page)
            let chunks = [
                prose(seed: seed, count: 150 + 60 * page), prose(seed: seed + 100, count: 400),
                prose(seed: seed + 200, count: 12),
            ]
            return (String(page + 1), chunks)
        }
        return StoreFixture.document(
            path: "/gaceta/\(300 + number).pdf", date: "2024-08-0\(number + 1)", number: String(300 + number),
            title: number % 2 == 0 ? "Contratación de servicios de salud" : "Decreto de salarios", pages: pages)
    }

    static let queries: [(String, SearchExpression)] = [
        ("contrata*", SearchExpression(required: [[.prefix("contrata")]])),
        ("salud", SearchExpression(required: [[.word("salud")]])),
        ("CONTRATACION", SearchExpression(required: [[.word("CONTRATACION")]])),
        ("salario ley", SearchExpression(required: [[.word("salario")], [.word("ley")]])),
        ("\"licitación pública\"", SearchExpression(required: [[.phrase(["licitación", "pública"])]])),
        (
            "\"salario mínimo\" OR canción",
            SearchExpression(required: [[.phrase(["salario", "mínimo"]), .word("canción")]])
        ),
        ("ley -decreto", SearchExpression(required: [[.word("ley")]], excluded: [.word("decreto")])),
        ("ley decreto OR ley", SearchExpression(required: [[.word("ley")], [.word("decreto"), .word("ley")]])),
        (
            "niño años obras vías",
            SearchExpression(required: [[.word("niño")], [.word("años")], [.word("obras"), .word("vías")]])
        ),
        ("2024LN-000012", SearchExpression(required: [[.word("2024ln"), .number("000012")]])),
        ("44.123 contrat*", SearchExpression(required: [[.number("44123")], [.prefix("contrat")]])),
        ("\"ministerio de salud\"", SearchExpression(required: [[.phrase(["ministerio", "de", "salud"])]])),
    ]

    // Needs PostgreSQL: when it cannot be installed, PostgresServer.shared says so loudly on stderr.
    @Test(.enabled(if: PostgresServer.isAvailable, "PostgreSQL could not be installed or started"))
    func longChunksGiveTheSameSnippetsOnEveryPage() throws {
        let sqlite = try StoreHarness(.sqlite)
        let postgres = try StoreHarness(.postgresql)
        for document in Self.fixture {
            try sqlite.store.ingest(document)
            try postgres.store.ingest(document)
        }
        var compared = 0
        for (name, expression) in Self.queries {
            for page in 1...3 {
                var request = SearchRequest(expression: expression)
                request.perPage = 4
                request.page = page
                let expected = try sqlite.store.search(request)
                let actual = try postgres.store.search(request)
                #expect(actual.hits.map(\.chunkID) == expected.hits.map(\.chunkID), "\(name), page \(page)")
                for (want, got) in zip(expected.hits, actual.hits) {
                    #expect(got.snippet == want.snippet, "\(name), page \(page), chunk \(want.chunkID)")
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
    }
}
