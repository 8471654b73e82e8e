import GacetaText
import Testing

@Suite struct HTMLEscapingTests {
    @Test func escapesSpecialCharacters() {
        #expect(
            HTMLEscaping.escape(#"<a href="x">Tom & Jerry's</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func leavesOtherTextAlone() {
        #expect(HTMLEscaping.escape("Canción número 5") == "Canción número 5")
        #expect(HTMLEscaping.escape("") == "")
    }
}
