import GacetaText

/// Words and stems of Spanish text for matching questions with passages: folded like the index, stopwords left
/// out, stemmed with the index's stemmer. Not thread-safe (it owns a tokenizer and a stemmer): make one per call.
final class TermAnalyzer {
    /// A content word of a question: as typed (lower-cased) for the search, folded for comparisons.
    struct Word: Equatable {
        var text: String
        var folded: String
        /// Typed with a capital and not the question's first word: a name (a place, an institution, a person).
        var isName = false
        /// The word as typed when it is an institution's acronym («CCSS», «INS»; `InstitutionAcronyms`).
        var institution: String?
    }

    private let tokenizer = SpanishTokenizer()
    private let stemmer = SpanishStemmer()

    /// Words of a question that say what it is about: no stopwords, no question or request words ("qué", "cuándo",
    /// "decidió", "información"), no single letters. Numbers keep only their digits ("44.123" → "44123").
    func contentWords(ofQuestion question: String) -> [Word] {
        var text = question
        var words: [Word] = []
        var first = true
        text.withUTF8 { bytes in
            tokenizer.tokenize(bytes, stem: false) { token, range in
                defer { first = false }
                let folded = String(decoding: token, as: UTF8.self)
                let original = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                // An acronym is kept even when it spells a stopword («la UNA»).
                let institution = InstitutionAcronyms.isAcronym(original) ? original : nil
                guard institution != nil || (Self.isContentWord(folded) && !QuestionWords.contains(folded)) else {
                    return true
                }
                let typed: String
                var isName = false
                if folded.contains(where: \.isNumber) {
                    typed = folded
                } else {
                    typed = String(original.lowercased().filter { $0.isLetter || $0.isNumber })
                    isName = !first && (original.first?.isUppercase ?? false)
                }
                words.append(
                    Word(text: typed.isEmpty ? folded : typed, folded: folded, isName: isName, institution: institution)
                )
                return true
            }
        }
        return words
    }

    /// The stems of the content words of `text` (stopwords left out).
    func stems(of text: String) -> Set<String> {
        var text = text
        var stems: Set<String> = []
        text.withUTF8 { bytes in
            tokenizer.tokenize(bytes, stem: false) { token, _ in
                let folded = String(decoding: token, as: UTF8.self)
                if Self.isContentWord(folded) { stems.insert(stem(folded: folded)) }
                return true
            }
        }
        return stems
    }

    /// The stems of the content words of `text` with their positions among its content words.
    func positions(of text: String) -> [(position: Int, stem: String)] {
        var text = text
        var found: [(position: Int, stem: String)] = []
        text.withUTF8 { bytes in
            tokenizer.tokenize(bytes, stem: false) { token, _ in
                let folded = String(decoding: token, as: UTF8.self)
                if Self.isContentWord(folded) { found.append((found.count, stem(folded: folded))) }
                return true
            }
        }
        return found
    }

    /// The stem of one folded word; numbers are kept as they are.
    func stem(folded word: String) -> String {
        word.contains(where: \.isNumber) ? word : stemmer.stem(word)
    }

    private static func isContentWord(_ folded: String) -> Bool {
        (folded.utf8.count > 1 || folded.contains(where: \.isNumber)) && !SpanishStopwords.contains(folded)
    }
}
