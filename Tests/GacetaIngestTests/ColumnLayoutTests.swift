import GacetaIngest
import Testing

@Suite struct ColumnLayoutTests {
    static func row(_ left: String, _ right: String, width: Int = 44) -> String {
        left + String(repeating: " ", count: max(2, width - left.count)) + right
    }

    @Test func leftColumnIsReadBeforeTheRightOne() throws {
        let page = [
            "                 TÍTULO CENTRADO DEL DOCUMENTO",
            Self.row("Boletín Nº 4", "Pág 3", width: 70),
            "",
            Self.row("Una oración empieza en la columna", "y sigue arriba de la segunda."),
            Self.row("izquierda, baja por ella", "Otra frase de la derecha"),
            Self.row("y termina al pie de la primera", "continúa hasta el final"),
            Self.row("columna, donde la lectura", "de la página, sin cruzarse"),
            Self.row("salta a la derecha para seguir", "con la otra columna."),
            Self.row("con el texto que", "Fin."),
        ].joined(separator: "\n")

        let text = ColumnLayout.readingOrder(page)

        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "TÍTULO CENTRADO DEL DOCUMENTO")
        #expect(lines.contains("Boletín Nº 4"))
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            flat.contains(
                "izquierda, baja por ella y termina al pie de la primera columna, donde la lectura salta a la derecha"
                    + " para seguir con el texto que"))
        #expect(flat.contains("y sigue arriba de la segunda. Otra frase de la derecha continúa hasta el final"))
        let leftEnd = try #require(flat.range(of: "con el texto que"))
        let rightStart = try #require(flat.range(of: "y sigue arriba"))
        #expect(leftEnd.lowerBound < rightStart.lowerBound)
    }

    @Test func aPageInOneColumnKeepsItsLines() {
        let lines = [
            "Artículo 1.  Toda persona tiene derecho a una adecuada educación sobre la paz en las",
            "escuelas y los colegios, los cuales tienen el deber de hacerles comprender a sus alumnos",
            "la naturaleza y las exigencias de la construcción permanente de la paz. El Consejo",
            "Superior de Educación procurará incluir, en los programas educativos oficiales,",
            "elementos que fomenten la utilización del diálogo, la negociación, la mediación,",
            "la conciliación y otros mecanismos similares, como métodos idóneos para la solución",
            "de conflictos.",
        ]
        let text = ColumnLayout.readingOrder(lines.joined(separator: "\n"))
        #expect(text.split(separator: "\n").count == lines.count)
        #expect(text.hasPrefix("Artículo 1. Toda persona"))
    }
}
