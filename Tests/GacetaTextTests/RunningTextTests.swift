import GacetaText
import Testing

/// Furniture seen from the passages of one document. The running head is drawn at random on every run, so a
/// filter keyed to one gazette's name cannot pass.
@Suite struct RunningTextTests {
    static let syllables = ["ga", "ce", "ta", "bo", "le", "tin", "dia", "rio", "con", "gre", "so", "ofi", "cial"]

    static func randomWord<G: RandomNumberGenerator>(_ generator: inout G) -> String {
        let word = (0..<Int.random(in: 2...4, using: &generator)).map { _ in
            syllables.randomElement(using: &generator)!
        }.joined()
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    @Test func aRunningHeadIsCutFromTheSentenceItOpens() throws {
        var generator = SystemRandomNumberGenerator()
        let name = (0..<3).map { _ in Self.randomWord(&generator) }.joined(separator: " ")
        let number = Int.random(in: 100...9999, using: &generator)
        let days = ["Lunes", "Martes", "Jueves"]
        let bodies = [
            "El proyecto crea el Fondo Nacional de Reparación Histórica para las comunidades afectadas.",
            "La comisión aprobó en primer debate la reforma del régimen de pensiones.",
            "Se convoca a sesión extraordinaria para discutir el presupuesto nacional.",
            "El ministro presentó el informe anual de la cartera ante la plenaria.",
        ]
        let pages = bodies.enumerated().map { index, body in
            (
                page: index + 2,
                text: "\(name) \(number) \(days[index % 3]), \(index + 10) de octubre de 2026 Página \(index + 2) "
                    + body + "\n\nOtro párrafo de la página \(index + 2) que sigue con el tema."
            )
        }
        let furniture = RunningText(pages: pages)
        let sentence = pages[0].text.split(separator: "\n")[0]
        let content = try #require(furniture.content(of: String(sentence)))
        #expect(content == Substring(bodies[0]), "head \(name) cut")
        #expect(furniture.content(of: bodies[1]) == Substring(bodies[1]), "a sentence without the head stays whole")
    }

    @Test func aParagraphRepeatedOnManyPagesIsFurniture() {
        var generator = SystemRandomNumberGenerator()
        let footer =
            "\(Self.randomWord(&generator)) \(Self.randomWord(&generator)) Imprenta Nacional Teléfono 2296 9570"
        let bodies = [
            "El consejo aprobó el reglamento.", "Se convoca a licitación pública.", "La tarifa rige desde enero.",
            "Se otorga la concesión solicitada.",
        ]
        let pages = bodies.enumerated().map { page, body in (page: page + 1, text: body + "\n\n" + footer) }
        let furniture = RunningText(pages: pages)
        #expect(furniture.content(of: footer) == nil)
        #expect(furniture.content(of: bodies[1]) == Substring(bodies[1]))
    }

    /// Words are split at any white space (a no-break space, a tab) and compared folded: a foot written with
    /// other spaces and capitals on some pages is still the same foot.
    @Test func aFootIsTheSameWhateverItsSpacesAndCapitals() {
        var generator = SystemRandomNumberGenerator()
        let words = ["Imprenta", "Nacional", Self.randomWord(&generator), "Teléfono", "2296", "9570"]
        let spaces = [" ", "\u{00A0}", "\u{00A0}", "\u{2003}"]
        let bodies = [
            "El consejo aprobó el reglamento.", "Se convoca a licitación pública.", "La tarifa rige desde enero.",
            "Se otorga la concesión solicitada.",
        ]
        let pages = bodies.enumerated().map { page, body in
            let foot = words.map { page % 2 == 0 ? $0 : $0.uppercased() }.joined(separator: spaces[page])
            return (page: page + 1, text: body + "\n\n" + foot)
        }
        let furniture = RunningText(pages: pages)
        #expect(furniture.content(of: words.joined(separator: " ")) == nil)
        let closed = bodies[3] + " " + words.joined(separator: "\u{00A0}").uppercased()
        #expect(furniture.content(of: closed) == Substring(bodies[3]), "the foot cut from the sentence it closes")
        #expect(furniture.content(of: bodies[1]) == Substring(bodies[1]))
    }

    /// A mark that extends a space (a stray accent after it) belongs to the space: the text left after a cut head
    /// starts on a character, not on the mark.
    @Test func whatACutLeavesStartsOnACharacter() throws {
        var generator = SystemRandomNumberGenerator()
        let head = "\(Self.randomWord(&generator)) \(Self.randomWord(&generator)) Nº 1313 Jueves, 17 de octubre Página"
        let bodies = [
            "El proyecto crea el Fondo Nacional de Reparación Histórica.", "La comisión aprobó la reforma en debate.",
            "Se convoca a sesión extraordinaria del plenario.", "El ministro presentó el informe anual completo.",
        ]
        let pages = bodies.enumerated().map { page, body in (page: page + 1, text: "\(head) \(page + 7) \(body)") }
        let furniture = RunningText(pages: pages)
        let content = try #require(furniture.content(of: "\(head) 9 \u{301}\(bodies[2])"))
        #expect(content == Substring(bodies[2]), "\(content.unicodeScalars.map(\.value))")
    }

    @Test func headsSeenOnFewerThanThreePagesStay() {
        let pages = (1...2).map { page in
            (page: page, text: "Boletín Único \(page) de marzo Página \(page) El texto número \(page) sigue aquí.")
        }
        let furniture = RunningText(pages: pages)
        #expect(furniture.content(of: pages[0].text) == Substring(pages[0].text))
    }

    @Test func tableOfContentsLines() {
        #expect(RunningText.isTableOfContentsLine("PODER EJECUTIVO ........................ 2"))
        #expect(RunningText.isTableOfContentsLine("Decretos …  14"))
        #expect(RunningText.isTableOfContentsLine("AVISOS      37"))
        #expect(!RunningText.isTableOfContentsLine("El período presidencial será de cuatro años."))
        #expect(!RunningText.isTableOfContentsLine("Rige a partir del 2024"))
    }
}
