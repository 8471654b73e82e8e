import GacetaIngest
import Testing

@Suite struct FrontMatterTests {
    @Test func scalarsQuotesAndComments() {
        let text = """
            ---
            # a comment line
            title: Ley de Tránsito   # trailing comment
            identifier: "CR-LEY-9078"
            rank: 'ley ''ordinaria'''
            escaped: "línea\\tcon \\"comillas\\" y \\u00F3"
            source: https://example.org/ley#articulo-1
            empty:
            ---
            # Cuerpo
            """
        let (fields, body) = FrontMatter.parse(text)
        #expect(fields["title"] == "Ley de Tránsito")
        #expect(fields["identifier"] == "CR-LEY-9078")
        #expect(fields["rank"] == "ley 'ordinaria'")
        #expect(fields["escaped"] == "línea\tcon \"comillas\" y ó")
        #expect(fields["source"] == "https://example.org/ley#articulo-1")
        #expect(fields["empty"] == "")
        #expect(body == "# Cuerpo")
    }

    @Test func blockScalars() {
        let text = """
            ---
            folded: >-
              Reglamento de la
              Ley General

              de Salud
            literal: |
              línea uno
                sangrada
              línea tres
            strip: |-
              sin salto final
            plain: texto que
              continúa aquí
            tags:
              - ley
              - "salud pública"
            ---
            """
        let (fields, body) = FrontMatter.parse(text)
        #expect(fields["folded"] == "Reglamento de la Ley General\nde Salud")
        #expect(fields["literal"] == "línea uno\n  sangrada\nlínea tres\n")
        #expect(fields["strip"] == "sin salto final")
        #expect(fields["plain"] == "texto que continúa aquí")
        #expect(fields["tags"] == "ley, salud pública")
        #expect(body.isEmpty)
    }

    @Test func withoutFrontMatterTheBodyIsEverything() {
        let text = "# Título\n\n---\n\nTexto"
        let (fields, body) = FrontMatter.parse(text)
        #expect(fields.isEmpty)
        #expect(body == Substring(text))
        #expect(FrontMatter.parse("---\ntitle: sin cierre\n").fields.isEmpty)
    }

    @Test func windowsLineEndings() {
        let (fields, body) = FrontMatter.parse("---\r\ntitle: Ley\r\n---\r\nTexto\r\n")
        #expect(fields["title"] == "Ley")
        #expect(body == "Texto\r\n")
    }
}

@Suite struct HTMLEntitiesTests {
    @Test func namedAndNumericReferences() {
        #expect(HTMLEntities.decode("Resoluci&oacute;n") == "Resolución")
        #expect(HTMLEntities.decode("A&ntilde;o &Aacute;rea ling&uuml;&iacute;stica") == "Año Área lingüística")
        #expect(HTMLEntities.decode("&laquo;Ley&raquo; N&ordm; 1 &mdash; 2&ndash;3&hellip;") == "«Ley» Nº 1 — 2–3…")
        #expect(HTMLEntities.decode("&lt;b&gt; &amp; &quot;x&quot; &apos;y&apos;&nbsp;") == "<b> & \"x\" 'y'\u{A0}")
        #expect(HTMLEntities.decode("Resoluci&#243;n y &#xF3;&#XD3;") == "Resolución y óÓ")
        #expect(HTMLEntities.decode("1&ordf; &yuml; &iquest;") == "1ª ÿ ¿")
    }

    @Test func unknownOrBrokenReferencesStay() {
        #expect(HTMLEntities.decode("&noexiste; & AT&T &#; &#xZZ; &amp") == "&noexiste; & AT&T &#; &#xZZ; &amp")
        #expect(HTMLEntities.decode("sin entidades") == "sin entidades")
    }
}
