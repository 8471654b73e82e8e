import GacetaCore

/// A chat question as stored and answered: NFC-normalised, then measured three ways, because a grapheme cluster
/// can hold any number of scalars ("a" followed by 300,000 × U+0301 is one `Character`).
enum QuestionText {
    /// Most UTF-8 bytes a question may have.
    static let maximumBytes = 8 * 1024

    /// `text` NFC-normalised and trimmed; `ChatError.questionTooLong` past `maximumLength` grapheme clusters,
    /// `questionTooLarge` past 4 × that in Unicode scalars or `maximumBytes` of UTF-8 (checked before normalising
    /// too, so that a huge input is never normalised).
    static func normalised(_ text: String, maximumLength: Int) throws(ChatError) -> String {
        guard text.utf8.count <= 2 * maximumBytes else { throw .questionTooLarge(measure: "\(text.utf8.count) bytes") }
        let question = composed(text).trimmed
        if question.utf8.count > maximumBytes { throw .questionTooLarge(measure: "\(question.utf8.count) bytes") }
        if question.unicodeScalars.count > 4 * maximumLength {
            throw .questionTooLarge(measure: "\(question.unicodeScalars.count) Unicode scalars")
        }
        if question.count > maximumLength { throw .questionTooLong(length: question.count, limit: maximumLength) }
        return question
    }

    /// `text` in Normalization Form C ("cafe\u{301}" → "café"), by the standard library's own normaliser: the
    /// one its `String` comparison uses, public but underscored (swift-foundation's `URL.Template` calls it too).
    /// Foundation's `precomposedStringWithCanonicalMapping` would link Foundation and ICU's data into every worker.
    static func composed(_ text: String) -> String {
        String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }
}
