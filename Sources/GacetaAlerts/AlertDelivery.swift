import GacetaCore
import GacetaQuery
import GacetaSystem
import GacetaText
import Glibc
import Logging

/// Sends what each confirmed subscription has not been sent yet, after a fetch: at most one message per
/// subscription per run, listing the new matching notices (nothing when none matched); every notice sent is
/// recorded, so no notice reaches a subscription twice. Weekly subscriptions get a message at most once in 7 days.
/// Unconfirmed requests older than 7 days are deleted first. Logs name subscriptions by id, never by address.
public struct AlertDelivery {
    public struct Report: Sendable, Equatable {
        public var messages = 0
        public var notices = 0
        public var failures = 0
        public var purged = 0
    }

    /// Notices listed in one message at most (the feed's length).
    public static let maximumNotices = 50
    public static let unconfirmedLifetime: Int64 = 7 * 86_400
    public static let weeklyInterval: Int64 = 7 * 86_400

    let store: any AlertStore & NoticeFeed
    let mailer: any Mailer
    let messages: AlertMessages
    let logger: Logger

    public init(store: any AlertStore & NoticeFeed, mailer: any Mailer, messages: AlertMessages, logger: Logger) {
        self.store = store
        self.mailer = mailer
        self.messages = messages
        self.logger = logger
    }

    /// `dates`: the edition dates (`YYYY-MM-DD`) the run stored files for; `now`: Unix seconds.
    public func deliver(dates: [String], now: Int64) throws(StoreError) -> Report {
        var report = Report()
        report.purged = try store.purgeUnconfirmedAlerts(
            before: Timestamp.iso8601(secondsSinceEpoch: time_t(now - Self.unconfirmedLifetime)))
        let sorted = dates.sorted()
        for subscription in try store.confirmedAlerts() {
            var from: String?
            var to: String?
            var storedSince: String?
            switch subscription.frequency {
            case .edition:
                guard let first = sorted.first else { continue }
                from = first
                to = sorted.last
            case .weekly:
                let since = subscription.lastSentAt ?? subscription.confirmedAt ?? subscription.createdAt
                let due = Timestamp.iso8601(secondsSinceEpoch: time_t(now - Self.weeklyInterval))
                guard since <= due else { continue }
                // What was stored since the last message (or the confirmation), whatever its edition date.
                storedSince = since
            }
            guard
                let expression = try? SearchQueryParser.parse(subscription.query, isStopword: SpanishStopwords.contains)
            else {
                logger.warning("alert \(subscription.id): its query no longer parses; skipped")
                continue
            }
            let request = SearchRequest(
                expression: expression, from: from, to: to, section: subscription.section, page: 1,
                perPage: Self.maximumNotices)
            let found = try store.recentNotices(
                matching: request, type: subscription.type, storedSince: storedSince, limit: Self.maximumNotices)
            let sent = try store.sentAlertKeys(subscriptionID: subscription.id, among: found.map(\.stableKey))
            let fresh = found.filter { !sent.contains($0.stableKey) }
            guard !fresh.isEmpty else { continue }
            do {
                try mailer.send(messages.alert(for: subscription, notices: fresh, now: now), now: now)
            } catch {
                report.failures += 1
                logger.error("alert \(subscription.id): the message was not sent: \(error)")
                continue
            }
            try store.recordAlertSent(
                subscriptionID: subscription.id, keys: fresh.map(\.stableKey),
                at: Timestamp.iso8601(secondsSinceEpoch: time_t(now)))
            report.messages += 1
            report.notices += fresh.count
            logger.info("alert \(subscription.id): sent \(fresh.count) notices")
        }
        return report
    }
}
