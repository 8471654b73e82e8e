import GacetaCore
import GacetaText

/// Holds a model's text until a sentence ends, then lets through only the sentences its passages support
/// (issue 13 §4), as it streams or at once.
///
/// Every piece first goes through `CitationMarkerFilter` (markers pointing to no passage go). At each sentence
/// end (`SentenceSplitter`) the sentence is checked: a marker `[n]` stays only when passage n supports the
/// sentence (`SupportCheck`); a sentence left without any marker, or that never had one, is dropped. The whole
/// text so far is checked for an echo of the prompt (`EchoCheck`) as it grows: an echo throws
/// `ProviderFailure(.echoedPrompt)`. `finish()` throws `.unsupportedCitations` when sentences were dropped and none
/// was kept, `.noCitations` when no sentence cited anything.
struct ModelAnswerGate {
    private let passageTerms: [SupportCheck.Terms]
    private let support: SupportCheck
    private let echo: EchoCheck
    private var markers: CitationMarkerFilter
    private var written = ""
    private var pending = ""
    /// The sentences let through, joined by spaces.
    private(set) var text = ""
    /// Passage numbers cited by the kept sentences, in order of first use.
    private(set) var cited: [Int] = []
    /// Sentences dropped because no passage they cite supports them.
    private(set) var unsupported = 0

    init(passages: [SearchHit], echo: EchoCheck) {
        let support = SupportCheck()
        self.support = support
        passageTerms = passages.map { support.terms($0.documentTitle + "\n" + $0.text) }
        self.echo = echo
        markers = CitationMarkerFilter(passageCount: passages.count)
    }

    /// Takes a piece of the model's text; returns what may be shown now (whole checked sentences).
    mutating func feed(_ piece: String) throws(ProviderFailure) -> String {
        written += piece
        if echo.isEcho(written) { throw ProviderFailure(.echoedPrompt, "the answer repeats the prompt") }
        pending += markers.feed(piece)
        let sentences = SentenceSplitter.sentences(pending)
        guard sentences.count >= 2, let last = sentences.last,
            let start = pending.ranges(of: last).last?.lowerBound
        else { return "" }
        pending = String(pending[start...])
        var shown = ""
        for sentence in sentences.dropLast() { shown += pass(sentence) }
        return shown
    }

    /// After the last piece: checks what is left; throws when no sentence is left to show.
    mutating func finish() throws(ProviderFailure) -> String {
        pending += markers.finish()
        var shown = ""
        for sentence in SentenceSplitter.sentences(pending) { shown += pass(sentence) }
        pending = ""
        guard !cited.isEmpty else {
            throw unsupported > 0
                ? ProviderFailure(.unsupportedCitations, "no sentence is supported by the passage it cites")
                : ProviderFailure(.noCitations, "no valid citation in the answer")
        }
        return shown
    }

    /// The sentence with only its supported markers, prefixed by a space unless it is the first; "" when dropped.
    private mutating func pass(_ sentence: String) -> String {
        let numbers = CitationMarkerFilter.filter(sentence, passageCount: passageTerms.count).cited
        guard !numbers.isEmpty else { return "" }
        let terms = support.terms(sentence)
        let supported = Set(numbers.filter { support.supports(terms, passage: passageTerms[$0 - 1]) })
        guard !supported.isEmpty else {
            unsupported += 1
            return ""
        }
        let kept = CitationMarkerFilter.filter(sentence, passageCount: passageTerms.count, allowed: supported)
        for number in kept.cited where !cited.contains(number) { cited.append(number) }
        let shown = text.isEmpty ? kept.text : " " + kept.text
        text += shown
        return shown
    }
}
