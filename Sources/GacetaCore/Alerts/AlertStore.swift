/// Alert subscriptions, what each has been sent, the confirmation messages sent per address (for the daily
/// limit) and the do-not-mail list. Addresses appear only in `alert_subscriptions`; everything else holds the
/// address's HMAC.
public protocol AlertStore: AnyObject {
    func createAlert(_ subscription: AlertSubscription) throws(StoreError)
    func alert(id: String) throws(StoreError) -> AlertSubscription?
    /// The subscriptions of one address (by its HMAC), oldest first.
    func alerts(addressHash: String) throws(StoreError) -> [AlertSubscription]
    /// Confirmed subscriptions, oldest first (delivery).
    func confirmedAlerts() throws(StoreError) -> [AlertSubscription]
    /// Sets `confirmed_at` (once); false when there is no such subscription.
    @discardableResult func confirmAlert(id: String, at now: String) throws(StoreError) -> Bool
    /// Changes the query, section, type or frequency; false when there is no such subscription.
    @discardableResult func updateAlert(_ subscription: AlertSubscription) throws(StoreError) -> Bool
    /// Deletes a subscription and what it was sent; false when there was none.
    @discardableResult func deleteAlert(id: String) throws(StoreError) -> Bool
    /// Deletes everything about an address: its subscriptions, their records, its confirmation counts and its
    /// do-not-mail entry. The number of subscriptions deleted.
    @discardableResult func deleteAlertAddress(addressHash: String) throws(StoreError) -> Int
    /// Deletes subscriptions never confirmed and created before `cutoff`, and confirmation records older than it.
    @discardableResult func purgeUnconfirmedAlerts(before cutoff: String) throws(StoreError) -> Int

    /// Counts a confirmation message sent to an address.
    func recordAlertConfirmation(addressHash: String, at now: String) throws(StoreError)
    /// Confirmation messages sent to an address since `since`.
    func alertConfirmations(addressHash: String, since: String) throws(StoreError) -> Int

    func addDoNotMail(addressHash: String, at now: String) throws(StoreError)
    func isDoNotMail(addressHash: String) throws(StoreError) -> Bool

    /// Which of `keys` (notice keys) were already sent to the subscription.
    func sentAlertKeys(subscriptionID: String, among keys: [String]) throws(StoreError) -> Set<String>
    /// Records `keys` as sent to the subscription and its `last_sent_at`, in one transaction.
    func recordAlertSent(subscriptionID: String, keys: [String], at now: String) throws(StoreError)

    func alertCounts() throws(StoreError) -> AlertCounts
}

/// The notices a saved search matches, newest first: Atom feeds and alerts.
public protocol NoticeFeed: AnyObject {
    /// Up to `limit` documents holding a passage that matches `request`'s expression (all words, never relaxed)
    /// and its filters (`from`, `to`, `section`), of `type` when given, stored (ingested) at or after
    /// `storedSince` (ISO 8601 UTC) when given, by edition date (newest first), then page order. Never a sumario.
    func recentNotices(matching request: SearchRequest, type: String?, storedSince: String?, limit: Int)
        throws(StoreError) -> [NoticeEntry]
}

extension NoticeFeed {
    public func recentNotices(matching request: SearchRequest, type: String?, limit: Int) throws(StoreError)
        -> [NoticeEntry]
    {
        try recentNotices(matching: request, type: type, storedSince: nil, limit: limit)
    }
}

/// One notice of a feed or an alert.
public struct NoticeEntry: Sendable, Equatable {
    public var documentID: Int64
    public var title: String
    public var section: String?
    public var type: String?
    public var editionDate: String
    public var editionNumber: String?
    /// The first PDF page of the notice that holds a match.
    public var page: Int
    /// The notice's stable key (publication code, or edition date + number + index), when the store has one.
    public var key: String?

    public init(
        documentID: Int64, title: String, section: String?, type: String?, editionDate: String,
        editionNumber: String?, page: Int, key: String? = nil
    ) {
        self.documentID = documentID
        self.title = title
        self.section = section
        self.type = type
        self.editionDate = editionDate
        self.editionNumber = editionNumber
        self.page = page
        self.key = key
    }

    /// What identifies the notice across runs: its key, else the edition date, number and page with the title.
    public var stableKey: String {
        if let key { return key }
        return "\(editionDate):\(editionNumber ?? "-"):\(page):\(title)"
    }
}
