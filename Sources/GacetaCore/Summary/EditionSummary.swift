/// A date's summary: up to five bullets, each citing one notice and the page that says what the bullet says.
public struct EditionSummary: Sendable, Equatable, Codable {
    /// `YYYY-MM-DD`.
    public var date: String
    public var editionNumber: String?
    public var publication: String?
    /// `openai` when a model wrote the summary (even if some bullets were replaced), else `extractive`.
    public var provider: String
    /// Why the model's summary was not used (`ProviderFailure` reasons), when a model was configured and failed.
    public var fallbackReason: String?
    /// ISO 8601 UTC.
    public var generatedAt: String
    public var bullets: [SummaryBullet]

    public init(
        date: String, editionNumber: String?, publication: String?, provider: String, fallbackReason: String? = nil,
        generatedAt: String, bullets: [SummaryBullet]
    ) {
        self.date = date
        self.editionNumber = editionNumber
        self.publication = publication
        self.provider = provider
        self.fallbackReason = fallbackReason
        self.generatedAt = generatedAt
        self.bullets = bullets
    }
}

/// One bullet: its text, the notice it summarises (by key, so it follows the notice across a re-split) and the
/// PDF page it cites.
public struct SummaryBullet: Sendable, Equatable, Codable {
    public var text: String
    /// The notice's document when the summary was generated or read (a re-split gives it a new id).
    public var documentID: Int64
    public var noticeKey: String
    public var documentTitle: String
    /// 1-based PDF page of the edition file.
    public var page: Int
    public var printedPage: String?
    /// At most two topics of `SummaryTopics`.
    public var tags: [String]
    /// `openai` or `extractive`: who wrote this bullet.
    public var provider: String

    public init(
        text: String, documentID: Int64, noticeKey: String, documentTitle: String, page: Int, printedPage: String?,
        tags: [String], provider: String
    ) {
        self.text = text
        self.documentID = documentID
        self.noticeKey = noticeKey
        self.documentTitle = documentTitle
        self.page = page
        self.printedPage = printedPage
        self.tags = tags
        self.provider = provider
    }
}
