import GacetaIngest
import Testing

@Suite struct PageFurnitureTests {
    static let words = ["Heraldo", "Vigía", "Atalaya", "Pregón", "Centinela", "Faro", "Relator", "Tribuna"]

    /// Pages with a header worded at random, alternating odd and even, and content that repeats inside pages.
    static func pages(count: Int) -> (pages: [String], odd: String, even: String) {
        let picked = words.shuffled()
        let odd = "\(picked[0]) \(picked[1]) Nº \(Int.random(in: 10...999))"
        let even = "\(picked[2]) de \(picked[3])"
        var pages: [String] = []
        let subjects = [
            "agua", "caminos", "mercados", "parques", "puentes", "escuelas", "cementerios", "aceras", "ferias",
        ]
        for page in 1...count {
            let header = page % 2 == 1 ? "\(odd)    Pág \(page)" : "Pág \(page)    \(even)"
            let subject = subjects[page % subjects.count]
            pages.append(
                """
                \(header)
                CONSIDERANDO:
                Que el reglamento de \(subject) fue aprobado por el concejo.
                CONSIDERANDO:
                Que la ley lo permite para \(subject). 1 vez.—( IN20240000\(page) ).
                \(page % 3 == 0 ? "POR TANTO:" : "Se dispone sobre \(subject):")
                Se resuelve lo que sigue sobre \(subject).
                Texto final del aviso de \(subject).
                """)
        }
        return (pages, odd, even)
    }

    @Test func alternatingHeadersAreFurnitureContentIsNot() {
        let (pages, odd, even) = Self.pages(count: 8)
        let furniture = PageFurniture(pages: pages)
        for (index, page) in pages.enumerated() {
            let stripped = furniture.strip(page)
            #expect(!stripped.contains(odd.prefix(8)))
            #expect(!stripped.contains(even))
            #expect(!stripped.contains("Pág \(index + 1)"))
            #expect(stripped.contains("CONSIDERANDO:"))
            #expect(stripped.contains("POR TANTO:") == ((index + 1) % 3 == 0))
            #expect(stripped.contains("( IN20240000\(index + 1) )"))
            #expect(stripped.contains("Texto final del aviso de"))
        }
    }

    @Test func aFooterOnThreePagesOfManyIsFurniture() {
        let words = ["agua", "luz", "pan", "sal", "miel", "cal", "té", "sol", "mar", "río"]
        var pages = (1...20).map { page in
            (0..<6).map { "Texto \($0) de \(words[(page + $0) % 10]) y \(words[(page / 2 + $0) % 10]) en la página." }
                .joined(separator: "\n") + "\nFin de \(page % 7)."
        }
        for page in [3, 9, 15] { pages[page] += "\nImprenta Nacional — Tiraje \(page)" }
        let furniture = PageFurniture(pages: pages)
        #expect(furniture.isFurniture("Imprenta Nacional — Tiraje 99"))
        #expect(!furniture.isFurniture("Texto 1 de agua y luz en la página."))
    }

    @Test func shortPagesTeachNothing() {
        // Fourteen pages of one line each, the same but for its numbers: text, not a running header.
        let pages = (1...14).map { "La Gaceta Nº 141\nLicitación pública número \($0) para la zona \($0)." }
        #expect(PageFurniture(pages: pages).patterns.isEmpty)
    }

    @Test func aSinglePageHasNoFurniture() {
        let furniture = PageFurniture(pages: ["La Gaceta Nº 1\nTexto."])
        #expect(furniture.patterns.isEmpty)
    }
}
