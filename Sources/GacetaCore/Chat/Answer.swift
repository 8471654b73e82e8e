/// A numbered source of an answer: where the quoted passage is (edition, document, page) and the quote itself,
/// verbatim from the stored page text.
public struct Citation: Sendable, Equatable, Codable {
    /// The `[n]` marker in the answer text.
    public var n: Int
    public var editionDate: String
    public var editionNumber: String?
    public var documentID: Int64
    public var documentTitle: String
    /// PDF page index (from 1).
    public var page: Int
    public var printedPage: String?
    public var quote: String
    /// Where the page can be read: `/api/v1/documents/{id}/pages/{page}`.
    public var url: String
    /// Ready to paste: "La Gaceta Nº 233 del 6 de diciembre del 2019, página 10" (`CitationReference`); nil only
    /// in citations stored before it existed.
    public var reference: String?
    /// The publication's stored name, when known (`CitationReference`).
    public var publication: String?
    /// A supplement's number ("Alcance Nº 78 a La Gaceta Nº 129"); nil for a regular edition.
    public var alcanceNumber: String?

    public init(
        n: Int, editionDate: String, editionNumber: String?, documentID: Int64, documentTitle: String, page: Int,
        printedPage: String?, quote: String, publication: String? = nil, alcanceNumber: String? = nil
    ) {
        self.publication = publication
        self.alcanceNumber = alcanceNumber
        self.n = n
        self.editionDate = editionDate
        self.editionNumber = editionNumber
        self.documentID = documentID
        self.documentTitle = documentTitle
        self.page = page
        self.printedPage = printedPage
        self.quote = quote
        url = "/api/v1/documents/\(documentID)/pages/\(page)"
        reference = CitationReference.text(
            editionDate: editionDate, editionNumber: editionNumber, title: documentTitle, page: page,
            printedPage: printedPage, publication: publication, alcance: alcanceNumber)
    }
}

/// An answer to one question: text whose every claim carries `[n]` markers, and the citations they point to.
public struct Answer: Sendable, Equatable {
    public var text: String
    public var citations: [Citation]
    /// `extractive` (offline) or `openai` (an OpenAI-compatible model).
    public var provider: String
    /// Why the offline answer stands in for the model's, when it does.
    public var fallbackReason: String?

    public init(text: String, citations: [Citation], provider: String, fallbackReason: String? = nil) {
        self.text = text
        self.citations = citations
        self.provider = provider
        self.fallbackReason = fallbackReason
    }
}

/// One question and its answer, as a conversation stores them.
public struct ConversationTurn: Sendable, Equatable {
    public var question: String
    public var answer: Answer
    /// ISO 8601, UTC.
    public var createdAt: String

    public init(question: String, answer: Answer, createdAt: String) {
        self.question = question
        self.answer = answer
        self.createdAt = createdAt
    }
}

public struct Conversation: Sendable, Equatable {
    public var id: String
    public var createdAt: String
    public var turns: [ConversationTurn]

    public init(id: String, createdAt: String, turns: [ConversationTurn]) {
        self.id = id
        self.createdAt = createdAt
        self.turns = turns
    }
}
