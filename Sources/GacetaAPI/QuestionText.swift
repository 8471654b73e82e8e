import Foundation
import GacetaCore

/// A chat question as stored and answered: NFC-normalised, then measured three ways, because a grapheme cluster
/// can hold any number of scalars ("a" followed by 300,000 × U+0301 is one `Character`).
enum QuestionText {
    /// Most UTF-8 bytes a question may have.
    static let maximumBytes = 8 * 1024

    /// `text` trimmed and NFC-normalised; 400 `question_too_long` past `maximumLength` grapheme clusters,
    /// 4 × that in Unicode scalars, or `maximumBytes` of UTF-8 (checked before normalising, too, so that a huge
    /// input is never normalised).
    static func normalised(_ text: String, maximumLength: Int) throws(HTTPError) -> String {
        guard text.utf8.count <= 2 * maximumBytes else { throw tooLong("\(text.utf8.count) bytes") }
        let question = text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        if question.utf8.count > maximumBytes { throw tooLong("\(question.utf8.count) bytes") }
        if question.unicodeScalars.count > 4 * maximumLength {
            throw tooLong("\(question.unicodeScalars.count) Unicode scalars")
        }
        if question.count > maximumLength { throw tooLong("\(question.count) characters") }
        return question
    }

    private static func tooLong(_ size: String) -> HTTPError {
        HTTPError(
            status: 400, code: "question_too_long",
            message: "the question has \(size); the limit is the smallest of chat.max_question_length characters, "
                + "4 times that in Unicode scalars and \(maximumBytes) bytes of UTF-8")
    }
}
