import GacetaCore
import GacetaText

/// Writes a date's summary from its notices: `min(5, notices)` bullets, one per notice (`SummaryChoice`).
///
/// Offline (no model): each bullet is the notice's `OfflineBullet`. With a model: the model gets one line per
/// notice (`SummaryPrompt`), picks and writes; each of its bullets must cite a page of that notice that
/// supports it (`SupportCheck`, the answers' check), or the notice's offline bullet replaces it; notices the
/// model left out fill the summary up to its size in ranking order, offline. When the model fails as a whole
/// (an error, or no line in the expected form) the summary is the offline one and says why.
public struct Summarizer {
    public static let offline = "extractive"

    private let model: OpenAIProvider?

    /// Creates the summarizer; with no `model` every summary is the offline one.
    public init(model: OpenAIProvider?) {
        self.model = model
    }

    /// A summary and what happened on the way.
    public struct Result {
        public var summary: EditionSummary
        /// The model's failure as a whole, when the offline summary stands in for it.
        public var modelFailure: ProviderFailure?
        /// Model bullets replaced by the offline one: notice key and why.
        public var replaced: [(key: String, reason: String)]
    }

    /// The summary of `source`; nil when none of its notices yields a bullet.
    public func summarize(_ source: SummarySource, generatedAt: String) -> Result? {
        let notices = source.notices.filter { SummaryChoice.typeRank($0.type) != nil }
        let furniture = RunningText(pages: notices.flatMap { $0.pages.map { ($0.index, $0.text) } })
        var writer = Writer(furniture: furniture)
        var failure: ProviderFailure?
        var provider = Self.offline
        if let model, !notices.isEmpty {
            do {
                let picks = SummaryPrompt.picks(in: try model.complete(SummaryPrompt.messages(notices)))
                guard writer.take(picks, of: notices) else {
                    throw ProviderFailure(.noCitations, "no line of the reply names a notice and a page")
                }
                provider = model.name
            } catch let error as ProviderFailure {
                failure = error
            } catch {
                failure = ProviderFailure(.malformedResponse, "\(error)")
            }
            if failure != nil { writer = Writer(furniture: furniture) }
        }
        writer.fill(from: SummaryChoice.ranked(notices))
        guard !writer.bullets.isEmpty else { return nil }
        let summary = EditionSummary(
            date: source.date, editionNumber: source.editionNumber, publication: source.publication,
            provider: provider, fallbackReason: failure?.reason, generatedAt: generatedAt, bullets: writer.bullets)
        return Result(summary: summary, modelFailure: failure, replaced: writer.replaced)
    }

    /// Bullets being gathered: at most one per notice, the institution limit kept.
    private struct Writer {
        let furniture: RunningText
        var bullets: [SummaryBullet] = []
        var replaced: [(key: String, reason: String)] = []
        private var used: Set<String> = []
        private var limit = SummaryChoice.InstitutionLimit()
        private let check = SupportCheck()

        init(furniture: RunningText) {
            self.furniture = furniture
        }

        /// Takes the model's picks (numbers into `notices`); false when none names a notice.
        mutating func take(_ picks: [SummaryPrompt.Pick], of notices: [SummaryNotice]) -> Bool {
            var named = false
            for pick in picks where bullets.count < SummaryChoice.bulletCount {
                guard (1...notices.count).contains(pick.notice) else { continue }
                named = true
                let notice = notices[pick.notice - 1]
                guard !used.contains(notice.key), limit.allows(notice) else { continue }
                if let page = notice.page(pick.page), check.supports(pick.text, passage: page.text) {
                    add(notice, text: pick.text, page: page, provider: "openai")
                    continue
                }
                let reason =
                    notice.page(pick.page) == nil
                    ? "page \(pick.page) is not a page of the notice (\(notice.firstPage)–\(notice.lastPage))"
                    : "page \(pick.page) does not support the bullet"
                replaced.append((notice.key, reason))
                if let bullet = OfflineBullet.make(for: notice, furniture: furniture) {
                    add(notice, text: bullet.text, page: bullet.page, provider: Summarizer.offline)
                }
            }
            return named
        }

        /// Offline bullets for the best-ranked notices not yet used, up to the summary's size.
        mutating func fill(from ranked: [SummaryNotice]) {
            for notice in ranked where bullets.count < SummaryChoice.bulletCount {
                guard !used.contains(notice.key), limit.allows(notice),
                    let bullet = OfflineBullet.make(for: notice, furniture: furniture)
                else { continue }
                add(notice, text: bullet.text, page: bullet.page, provider: Summarizer.offline)
            }
        }

        private mutating func add(_ notice: SummaryNotice, text: String, page: SummaryNotice.Page, provider: String) {
            used.insert(notice.key)
            limit.add(notice)
            bullets.append(
                SummaryBullet(
                    text: text, documentID: notice.documentID, noticeKey: notice.key, documentTitle: notice.title,
                    page: page.index, printedPage: page.printedNumber,
                    tags: SummaryTopics.tags(text: text, title: notice.title), provider: provider))
        }
    }
}
