import GacetaCore
import GacetaText

/// The offline bullet of one notice: one or two whole sentences that lie on one page of the notice (the page
/// it cites), chosen among the notice's own sentences as answers choose theirs (`QuotableSentences`, furniture
/// cut or dropped by `RunningText`, a dispositive sentence preferred, see `SentenceRanker.isDispositive`), and
/// prefixed by the notice's type and identifier when the sentence does not say them ("Decreto 44123-MP: Se
/// fija…").
enum OfflineBullet {
    /// A bullet's first sentence shorter than this takes the page's next sentence too.
    static let shortSentence = 140
    /// Longest bullet text, prefix left out.
    static let maximumLength = QuotableSentences.maximumLength
    /// Fewest characters in a sentence worth a bullet.
    static let minimumLength = 30

    struct Bullet: Equatable {
        var text: String
        /// The sentences as they stand on the page (the text without its prefix).
        var quote: String
        var page: SummaryNotice.Page
    }

    /// The notice's bullet, or nil when no page holds a sentence worth one.
    static func make(for notice: SummaryNotice, furniture: RunningText?) -> Bullet? {
        let analyzer = TermAnalyzer()
        let titleStems = analyzer.stems(of: notice.title)
        let titleWords = SpanishTokenizer().terms(notice.title, stem: false)
        let titleIsHeading = !notice.title.contains(where: \.isLowercase)
        var best: (score: Double, page: SummaryNotice.Page, sentences: [String], at: Int)?
        for (pageOffset, page) in notice.pages.enumerated() {
            let sentences = usableSentences(of: page.text, furniture: furniture).map {
                withoutHeading($0, title: notice.title)
            }
            for (position, sentence) in sentences.enumerated() {
                guard sentence.count >= minimumLength else { continue }
                let words = SpanishTokenizer().terms(sentence, stem: false)
                // A heading (or a part of it) says nothing the prefix would not; a notice titled by its first
                // sentence keeps that sentence.
                if words.count < 6 || (titleIsHeading && Self.contains(titleWords, words)) { continue }
                var score = 1.0
                if SentenceRanker.isDispositive(sentence) { score += 1 }
                let stems = analyzer.stems(of: sentence)
                if !titleStems.isEmpty {
                    score += 0.5 * Double(stems.intersection(titleStems).count) / Double(titleStems.count)
                }
                if sentence.count > 300 { score -= 0.3 }
                // A fragment (a split that OCR or a column broke) or a sentence that announces what follows.
                if sentence.first?.isLowercase == true { score -= 0.5 }
                if sentence.hasSuffix(":") { score -= 0.3 }
                score -= 0.1 * Double(pageOffset) + 0.02 * Double(position)
                if score > (best?.score ?? -.infinity) { best = (score, page, sentences, position) }
            }
        }
        guard let best else { return nil }
        var quote = best.sentences[best.at]
        if quote.count < shortSentence, best.at + 1 < best.sentences.count {
            let next = best.sentences[best.at + 1]
            // Only when the two stand together on the page: a next sentence whose start was cut as furniture
            // would join into a text the page does not hold.
            if quote.count + 1 + next.count <= maximumLength,
                spaced(best.page.text).contains(spaced(quote + " " + next))
            {
                quote += " " + next
            }
        }
        return Bullet(text: prefixed(quote, notice: notice), quote: quote, page: best.page)
    }

    /// `text` with every run of white space as one space.
    private static func spaced(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The page's whole sentences (never one cut short), furniture cut off or dropped.
    static func usableSentences(of text: String, furniture: RunningText?) -> [String] {
        QuotableSentences.of(text).compactMap { sentence in
            guard !sentence.isCut, let kept = SentenceRanker.withoutFurniture(sentence, furniture) else { return nil }
            return kept.text
        }
    }

    /// The sentence without the headings printed before its notice's text (page text joins a paragraph's lines, so
    /// "DOCUMENTOS VARIOS HACIENDA RESOLUCIÓN N° DGT-R-012-2024 La cláusula…" is one sentence): everything up to
    /// and including the notice's title when the title is a heading (no lower-case letter), else up to it (a
    /// notice titled by its first sentence keeps it). Still a verbatim part of the page.
    static func withoutHeading(_ sentence: String, title: String) -> String {
        let title = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !title.isEmpty, let range = sentence.firstRange(of: title) else { return sentence }
        let isHeading = !title.contains(where: \.isLowercase)
        var rest = sentence[(isHeading ? range.upperBound : range.lowerBound)...]
        while let first = rest.first, first.isWhitespace || first.isPunctuation, first != "«", first != "(" {
            rest.removeFirst()
        }
        return String(rest)
    }

    /// "Decreto 44123-MP: " before `sentence` unless it names the identifier (or, without one, the type).
    static func prefixed(_ sentence: String, notice: SummaryNotice) -> String {
        let label = typeLabel(notice.type)
        let folded = " " + SpanishTokenizer().terms(sentence, stem: false).joined(separator: " ") + " "
        func says(_ text: String) -> Bool {
            let words = SpanishTokenizer().terms(text, stem: false)
            return !words.isEmpty && folded.contains(" " + words.joined(separator: " ") + " ")
        }
        let prefix: String
        if let identifier = notice.identifier, !identifier.isEmpty {
            guard !says(identifier) else { return sentence }
            prefix = label.map { "\($0) \(identifier)" } ?? identifier
        } else {
            guard let label, !says(label) else { return sentence }
            prefix = label
        }
        return "\(prefix): \(sentence)"
    }

    /// The type as a bullet names it ("Resolución"); nil for `otro`.
    static func typeLabel(_ type: String) -> String? {
        guard let rank = SummaryChoice.typeRank(type), rank < 7, let first = type.first else { return nil }
        return first.uppercased() + type.dropFirst()
    }

    /// Whether `part` is a run of consecutive words of `whole`.
    private static func contains(_ whole: [String], _ part: [String]) -> Bool {
        guard !part.isEmpty, part.count <= whole.count else { return false }
        for start in 0...(whole.count - part.count) where Array(whole[start..<(start + part.count)]) == part {
            return true
        }
        return false
    }
}
