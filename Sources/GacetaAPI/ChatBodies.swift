import GacetaCore

/// `{"answer", "citations", "conversation_id", "provider", "fallback_reason"}`.
public struct AnswerBody: Encodable {
    let answer: String
    let citations: [CitationBody]
    let conversationId: String
    let provider: String
    let fallbackReason: String?

    public init(answer: Answer, conversationID: String) {
        self.answer = answer.text
        citations = answer.citations.map(CitationBody.init)
        conversationId = conversationID
        provider = answer.provider
        fallbackReason = answer.fallbackReason
    }
}

struct CitationBody: Encodable {
    let n: Int
    let editionDate: String
    let editionNumber: String?
    let documentId: Int64
    let documentTitle: String
    let page: Int
    let printedPage: String?
    let quote: String
    let url: String
    /// "La Gaceta Nº 233 del 6 de diciembre del 2019, página 10", ready to paste.
    let reference: String
    /// The masthead's name («Gaceta del Congreso»), when known.
    let publication: String?

    init(_ citation: Citation) {
        publication = citation.publication
        n = citation.n
        editionDate = citation.editionDate
        editionNumber = citation.editionNumber
        documentId = citation.documentID
        documentTitle = citation.documentTitle
        page = citation.page
        printedPage = citation.printedPage
        quote = citation.quote
        url = citation.url
        reference =
            citation.reference
            ?? CitationReference.text(
                editionDate: citation.editionDate, editionNumber: citation.editionNumber,
                title: citation.documentTitle, page: citation.page, printedPage: citation.printedPage,
                publication: citation.publication, alcance: citation.alcanceNumber)
    }
}

struct ConversationBody: Encodable {
    struct Turn: Encodable {
        let question: String
        let answer: String
        let citations: [CitationBody]
        let provider: String
        let fallbackReason: String?
        let createdAt: String
    }

    let id: String
    let createdAt: String
    let turns: [Turn]

    init(_ conversation: Conversation) {
        id = conversation.id
        createdAt = conversation.createdAt
        turns = conversation.turns.map {
            Turn(
                question: $0.question, answer: $0.answer.text, citations: $0.answer.citations.map(CitationBody.init),
                provider: $0.answer.provider, fallbackReason: $0.answer.fallbackReason, createdAt: $0.createdAt)
        }
    }
}
