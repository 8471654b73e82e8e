/// Whether a sentence is supported by a passage: the one check for model answers (issue 13 §4) and, later, the
/// daily summary's bullets.
///
/// A sentence is supported when at least `minimumShare` of its content words — folded Snowball stems of the
/// non-stopwords of at least `minimumLetters` letters — occur in the passage, **and** every number and
/// identifier of the sentence (any token holding a digit: "44123" of "44123-MP", "525" of "Nº 525", "2024",
/// "18500" of "₡18.500") occurs in the passage, both read by the index's tokenizer (so "44.123" is "44123").
/// Citation markers (`[3]`, `[1, 2]`) are not part of the sentence. Not thread-safe (it owns a tokenizer).
public final class SupportCheck {
    public static let minimumShare = 0.6
    public static let minimumLetters = 4

    private let tokenizer = SpanishTokenizer()
    private let stemmer = SpanishStemmer()

    public init() {}

    /// What a text holds for the check: its content stems and its numbers.
    public struct Terms: Sendable, Equatable {
        public var stems: Set<String>
        public var numbers: Set<String>
    }

    /// The terms of `text`, markers left out.
    public func terms(_ text: String) -> Terms {
        var text = Self.withoutMarkers(text)
        var stems: Set<String> = []
        var numbers: Set<String> = []
        text.withUTF8 { bytes in
            tokenizer.tokenize(bytes, stem: false) { token, _ in
                let folded = String(decoding: token, as: UTF8.self)
                if folded.contains(where: \.isNumber) {
                    numbers.insert(folded)
                } else if folded.count >= Self.minimumLetters && !SpanishStopwords.contains(folded) {
                    stems.insert(stemmer.stem(folded))
                }
                return true
            }
        }
        return Terms(stems: stems, numbers: numbers)
    }

    /// Whether `passage` supports `sentence`.
    public func supports(_ sentence: String, passage: String) -> Bool {
        supports(terms(sentence), passage: terms(passage))
    }

    /// Whether a passage's terms support a sentence's.
    public func supports(_ sentence: Terms, passage: Terms) -> Bool {
        guard sentence.numbers.isSubset(of: passage.numbers) else { return false }
        guard !sentence.stems.isEmpty else { return !sentence.numbers.isEmpty }
        let shared = sentence.stems.intersection(passage.stems).count
        return Double(shared) >= Self.minimumShare * Double(sentence.stems.count)
    }

    /// `text` without `[n]`-style markers (digits, spaces, commas, semicolons and hyphens between brackets).
    static func withoutMarkers(_ text: String) -> String {
        var output = ""
        var pending: String?
        for character in text {
            if var marker = pending {
                if character == "]" {
                    pending = nil
                    continue
                }
                if character.isNumber || " ,;-".contains(character) {
                    marker.append(character)
                    pending = marker
                    continue
                }
                output += marker
                pending = nil
            }
            if character == "[" { pending = "[" } else { output.append(character) }
        }
        return output + (pending ?? "")
    }
}
