import GacetaSearch
import Testing

/// The reranker's features, one at a time: each test holds everything else equal.
@Suite struct RerankerTests {
    static func candidate(
        _ text: String, title: String = "Aviso", date: String = "2024-07-15", document: Int64 = 1,
        chunk: Int64
    ) -> Reranker.Candidate {
        Reranker.Candidate(text: text, title: title, date: date, documentID: document, chunkID: chunk)
    }

    static func order(_ words: [String], _ candidates: [Reranker.Candidate], recency: Bool = false) -> [Int64] {
        Reranker().rank(words: words, recencyAsked: recency, candidates: candidates).ranked.map {
            candidates[$0.index].chunkID
        }
    }

    /// Filler that holds the common word, so it is common among the candidates.
    static let common = (10..<20).map { candidate("El proyecto de ley número \($0) fue archivado.", chunk: Int64($0)) }

    @Test func aRareWordOutweighsACommonOne() {
        let rare = Self.candidate("La reparación histórica de las víctimas del colonialismo.", chunk: 1)
        let commonOnly = Self.candidate("El proyecto de ley fue presentado por el congreso.", chunk: 2)
        let order = Self.order(["proyecto", "ley", "reparación"], [commonOnly] + Self.common + [rare])
        #expect(order.first == 1, "the passage with the rare word first: \(order)")
    }

    @Test func closerWordsRankHigher() {
        let far = Self.candidate(
            "El salario de los trabajadores se revisará cada año según la inflación y otros factores económicos "
                + "que el consejo considere; el monto mínimo será publicado.", chunk: 1)
        let near = Self.candidate(
            "Se publica el salario mínimo de los trabajadores, que el consejo revisará cada año según la "
                + "inflación y otros factores económicos.", chunk: 2)
        #expect(Self.order(["salario", "mínimo"], [far, near]).first == 2)
    }

    @Test func identifiersWeighAsPhrases() {
        let scattered = Self.candidate("La Ley 1993 trata de 70 comunidades y su territorio.", chunk: 1)
        let cited = Self.candidate("Conforme a la Ley 70 de 1993, las comunidades tienen territorio.", chunk: 2)
        #expect(Self.order(["ley", "70", "1993", "comunidades"], [scattered, cited]).first == 2)
    }

    @Test func theNoticeTitleCounts() {
        let other = Self.candidate("Se autoriza la veda.", title: "Aviso de INCOPESCA", chunk: 1)
        let titled = Self.candidate("Se autoriza la veda.", title: "Veda del camarón en el golfo", chunk: 2)
        #expect(Self.order(["veda", "camarón"], [other, titled]).first == 2)
    }

    @Test func neighbouringChunksOfTheSameDocumentHelp() {
        let alone = Self.candidate("La tarifa del peaje sube.", document: 1, chunk: 10)
        let withContext = Self.candidate("La tarifa del peaje sube.", document: 2, chunk: 20)
        let neighbour = Self.candidate("La ruta 27 cobra el peaje en Escazú.", document: 2, chunk: 21)
        let order = Self.order(["tarifa", "peaje", "ruta", "27"], [alone, withContext, neighbour])
        #expect(order.firstIndex(of: 20)! < order.firstIndex(of: 10)!)
    }

    @Test func recencyBreaksTiesAndWeighsWhenAsked() {
        let old = Self.candidate("Se fija la tarifa del agua.", date: "2019-01-02", chunk: 1)
        let new = Self.candidate("Se fija la tarifa del agua.", date: "2024-01-02", chunk: 2)
        #expect(Self.order(["tarifa", "agua"], [old, new]).first == 2, "a tie goes to the newer")
        let better = Self.candidate(
            "Se fija la tarifa del agua potable para el acueducto.", date: "2019-01-02", chunk: 3)
        let newer = Self.candidate("La tarifa se fija.", date: "2024-01-02", chunk: 4)
        #expect(Self.order(["tarifa", "agua", "potable"], [newer, better]).first == 3)
        #expect(Self.order(["tarifa"], [old, new], recency: true).first == 2)
    }

    @Test func coverageIsTheWeightedShareOfTheQuestion() throws {
        let all = Self.candidate("Veda de camarón en el golfo.", chunk: 1)
        let none = Self.candidate("Nada que ver.", chunk: 2)
        let ranking = Reranker().rank(words: ["veda", "camarón"], recencyAsked: false, candidates: [all, none])
        let best = try #require(ranking.ranked.first)
        #expect(best.index == 0)
        #expect(abs(best.coverage - 1) < 1e-9)
        #expect(ranking.ranked.last?.coverage == 0)
    }

    /// A name the question types («Escazú») outweighs another word as rare among the candidates: with equal IDF the
    /// earlier candidate would win the tie.
    @Test func aNameTheQuestionTypesWeighsMore() {
        let other = Self.candidate("La feria del agricultor abre los sábados.", chunk: 1)
        let named = Self.candidate("El mercado municipal de Escazú abre los domingos.", chunk: 2)
        let filler = Self.candidate("Se fija la tarifa del agua.", chunk: 3)
        let words = ["feria", "escazú"]
        #expect(Self.order(words, [other, named, filler]).first == 1, "without the name, the tie keeps the order")
        let ranked = Reranker().rank(
            words: words, names: ["escazú"], recencyAsked: false, candidates: [other, named, filler])
        #expect(ranked.ranked.first?.index == 1, "the page that names the place first")
        #expect(ranked.weights["escazu"].map { $0 > (ranked.weights["feri"] ?? 0) } == true, "\(ranked.weights)")
    }

    /// An acronym and its institution's name are one term: a page printing either covers it, and the pair weighs
    /// as its heavier form, not as both.
    @Test func anAcronymAndItsNameAreOneTerm() throws {
        let pair = Equivalents.Pair(short: ["cnfl"], long: ["compani", "nacional", "fuerz", "luz"])
        let equivalents = Equivalents([pair])
        let name = Self.candidate("La Compañía Nacional de Fuerza y Luz rebaja la tarifa.", chunk: 1)
        let acronym = Self.candidate("La CNFL rebaja la tarifa.", chunk: 2)
        let other = Self.candidate("La tarifa del agua sube.", chunk: 3)
        let words = ["tarifa", "cnfl", "compañía", "nacional", "fuerza", "luz"]
        let ranking = Reranker().rank(
            words: words, names: ["cnfl"], recencyAsked: false, candidates: [name, acronym, other],
            equivalents: equivalents)
        let coverage = Dictionary(uniqueKeysWithValues: ranking.ranked.map { ($0.index, $0.coverage) })
        #expect(abs((coverage[0] ?? 0) - 1) < 1e-9, "the name covers the acronym too: \(coverage)")
        #expect(abs((coverage[1] ?? 0) - 1) < 1e-9, "the acronym covers the name too: \(coverage)")
        #expect((coverage[2] ?? 1) < 0.5, "\(coverage)")
        #expect(ranking.weights["cnfl"] == 0)
        let long = ["compani", "nacional", "fuerz", "luz"].reduce(0) { $0 + (ranking.weights[$1] ?? 0) }
        let plain = Reranker().rank(
            words: words, names: ["cnfl"], recencyAsked: false, candidates: [name, acronym, other])
        let heavier = max(
            plain.weights["cnfl"] ?? 0,
            ["compani", "nacional", "fuerz", "luz"].reduce(0) { $0 + (plain.weights[$1] ?? 0) })
        #expect(abs(long - heavier) < 1e-9, "the pair weighs as its heavier form: \(ranking.weights)")
    }
}
