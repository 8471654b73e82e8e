/// One saved search someone follows by e-mail. The address is kept only while the subscription exists; the
/// subscription id (random, not secret on its own) is what logs show.
public struct AlertSubscription: Sendable, Equatable {
    /// 32 hex digits, random.
    public var id: String
    /// As given (validated: no spaces, angle brackets or line breaks).
    public var email: String
    /// `HMAC-SHA256(server.secret_key, lowercased address)` in hex: finds an address's subscriptions without
    /// reading addresses, and is all that remains of it on the do-not-mail list.
    public var addressHash: String
    /// The search text, as typed (`salario mínimo`); searched with all words required, never relaxed.
    public var query: String
    public var section: String?
    public var type: String?
    public var frequency: AlertFrequency
    /// ISO 8601 UTC.
    public var createdAt: String
    /// nil until the link of the confirmation message is used.
    public var confirmedAt: String?
    /// The last alert message sent, nil before the first.
    public var lastSentAt: String?

    public init(
        id: String, email: String, addressHash: String, query: String, section: String? = nil, type: String? = nil,
        frequency: AlertFrequency, createdAt: String, confirmedAt: String? = nil, lastSentAt: String? = nil
    ) {
        self.id = id
        self.email = email
        self.addressHash = addressHash
        self.query = query
        self.section = section
        self.type = type
        self.frequency = frequency
        self.createdAt = createdAt
        self.confirmedAt = confirmedAt
        self.lastSentAt = lastSentAt
    }
}

/// How often a subscription gets a message.
public enum AlertFrequency: String, Sendable, Equatable, CaseIterable, Codable {
    /// After each fetch that stored matching notices.
    case edition
    /// At most one message a week.
    case weekly
}

/// What `gacetachat alerts list` prints: counts, never addresses.
public struct AlertCounts: Sendable, Equatable {
    public var confirmed: Int
    public var unconfirmed: Int
    public var weekly: Int
    public var addresses: Int
    public var doNotMail: Int
    public var sentNotices: Int

    public init(confirmed: Int, unconfirmed: Int, weekly: Int, addresses: Int, doNotMail: Int, sentNotices: Int) {
        self.confirmed = confirmed
        self.unconfirmed = unconfirmed
        self.weekly = weekly
        self.addresses = addresses
        self.doNotMail = doNotMail
        self.sentNotices = sentNotices
    }
}
