import GacetaCore

/// SQL both stores share for alerts (`AlertStore`): `?N` parameters, text values.
public enum AlertSQL {
    /// The tables of schema version 8, the same in both stores. Addresses live only in `alert_subscriptions`; the
    /// other tables hold `address_hash` (HMAC of the lowercased address).
    public static let schema = """
        CREATE TABLE alert_subscriptions (
            id text PRIMARY KEY,
            email text NOT NULL,
            address_hash text NOT NULL,
            query text NOT NULL,
            section text,
            type text,
            frequency text NOT NULL,
            created_at text NOT NULL,
            confirmed_at text,
            last_sent_at text
        );
        CREATE INDEX alert_subscriptions_address ON alert_subscriptions (address_hash);
        CREATE TABLE alert_sent (
            subscription_id text NOT NULL REFERENCES alert_subscriptions (id) ON DELETE CASCADE,
            notice_key text NOT NULL,
            sent_at text NOT NULL,
            PRIMARY KEY (subscription_id, notice_key)
        );
        CREATE TABLE alert_confirmations (
            address_hash text NOT NULL,
            sent_at text NOT NULL
        );
        CREATE INDEX alert_confirmations_address ON alert_confirmations (address_hash, sent_at);
        CREATE TABLE alert_do_not_mail (
            address_hash text PRIMARY KEY,
            created_at text NOT NULL
        );
        """

    static let columns =
        "id, email, address_hash, query, section, type, frequency, created_at, confirmed_at, last_sent_at"
    static let byID = "SELECT \(columns) FROM alert_subscriptions WHERE id = ?1"
    static let byAddress =
        "SELECT \(columns) FROM alert_subscriptions WHERE address_hash = ?1 ORDER BY created_at, id"
    static let confirmed =
        "SELECT \(columns) FROM alert_subscriptions WHERE confirmed_at IS NOT NULL ORDER BY created_at, id"
    static let insert = """
        INSERT INTO alert_subscriptions (\(columns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        """
    static let confirm =
        "UPDATE alert_subscriptions SET confirmed_at = coalesce(confirmed_at, ?2) WHERE id = ?1 RETURNING id"
    static let update = """
        UPDATE alert_subscriptions SET query = ?2, section = ?3, type = ?4, frequency = ?5 WHERE id = ?1 RETURNING id
        """
    static let deleteSent = "DELETE FROM alert_sent WHERE subscription_id = ?1"
    static let delete = "DELETE FROM alert_subscriptions WHERE id = ?1 RETURNING id"
    static let deleteSentOfAddress = """
        DELETE FROM alert_sent WHERE subscription_id IN (SELECT id FROM alert_subscriptions WHERE address_hash = ?1)
        """
    static let deleteAddress = "DELETE FROM alert_subscriptions WHERE address_hash = ?1 RETURNING id"
    static let deleteConfirmations = "DELETE FROM alert_confirmations WHERE address_hash = ?1"
    static let deleteDoNotMail = "DELETE FROM alert_do_not_mail WHERE address_hash = ?1"
    static let purge =
        "DELETE FROM alert_subscriptions WHERE confirmed_at IS NULL AND created_at < ?1 RETURNING id"
    static let purgeConfirmations = "DELETE FROM alert_confirmations WHERE sent_at < ?1"
    static let recordConfirmation = "INSERT INTO alert_confirmations (address_hash, sent_at) VALUES (?1, ?2)"
    static let countConfirmations =
        "SELECT count(*) FROM alert_confirmations WHERE address_hash = ?1 AND sent_at >= ?2"
    static let addDoNotMail = """
        INSERT INTO alert_do_not_mail (address_hash, created_at) VALUES (?1, ?2) ON CONFLICT (address_hash) DO NOTHING
        """
    static let isDoNotMail = "SELECT count(*) FROM alert_do_not_mail WHERE address_hash = ?1"
    static let sent = "SELECT notice_key FROM alert_sent WHERE subscription_id = ?1"
    static let recordSent = """
        INSERT INTO alert_sent (subscription_id, notice_key, sent_at) VALUES (?1, ?2, ?3)
        ON CONFLICT (subscription_id, notice_key) DO NOTHING
        """
    static let markSent = "UPDATE alert_subscriptions SET last_sent_at = ?2 WHERE id = ?1"
    static let counts = """
        SELECT
            (SELECT count(*) FROM alert_subscriptions WHERE confirmed_at IS NOT NULL),
            (SELECT count(*) FROM alert_subscriptions WHERE confirmed_at IS NULL),
            (SELECT count(*) FROM alert_subscriptions WHERE confirmed_at IS NOT NULL AND frequency = 'weekly'),
            (SELECT count(DISTINCT address_hash) FROM alert_subscriptions),
            (SELECT count(*) FROM alert_do_not_mail),
            (SELECT count(*) FROM alert_sent)
        """

    static func subscription(_ row: [String?]) -> AlertSubscription? {
        guard row.count == 10, let id = row[0], let email = row[1], let hash = row[2], let query = row[3],
            let frequency = row[6].flatMap(AlertFrequency.init(rawValue:)), let created = row[7]
        else { return nil }
        return AlertSubscription(
            id: id, email: email, addressHash: hash, query: query, section: row[4], type: row[5],
            frequency: frequency, createdAt: created, confirmedAt: row[8], lastSentAt: row[9])
    }
}

/// `AlertStore` written once over the statements of ``AlertSQL``, with the fetch log's way to run them.
public protocol AlertStoreSQL: AlertStore, FetchLogSQL {}

extension AlertStoreSQL {
    public func createAlert(_ s: AlertSubscription) throws(StoreError) {
        _ = try fetchRows(
            AlertSQL.insert,
            [
                s.id, s.email, s.addressHash, s.query, s.section, s.type, s.frequency.rawValue, s.createdAt,
                s.confirmedAt, s.lastSentAt,
            ], columns: 0)
    }

    public func alert(id: String) throws(StoreError) -> AlertSubscription? {
        try fetchRows(AlertSQL.byID, [id], columns: 10).first.flatMap(AlertSQL.subscription)
    }

    public func alerts(addressHash: String) throws(StoreError) -> [AlertSubscription] {
        try fetchRows(AlertSQL.byAddress, [addressHash], columns: 10).compactMap(AlertSQL.subscription)
    }

    public func confirmedAlerts() throws(StoreError) -> [AlertSubscription] {
        try fetchRows(AlertSQL.confirmed, [], columns: 10).compactMap(AlertSQL.subscription)
    }

    @discardableResult public func confirmAlert(id: String, at now: String) throws(StoreError) -> Bool {
        try !fetchRows(AlertSQL.confirm, [id, now], columns: 1).isEmpty
    }

    @discardableResult public func updateAlert(_ s: AlertSubscription) throws(StoreError) -> Bool {
        try !fetchRows(AlertSQL.update, [s.id, s.query, s.section, s.type, s.frequency.rawValue], columns: 1).isEmpty
    }

    @discardableResult public func deleteAlert(id: String) throws(StoreError) -> Bool {
        var deleted = false
        try fetchTransaction { () throws(StoreError) in
            _ = try fetchRows(AlertSQL.deleteSent, [id], columns: 0)
            deleted = try !fetchRows(AlertSQL.delete, [id], columns: 1).isEmpty
        }
        return deleted
    }

    @discardableResult public func deleteAlertAddress(addressHash: String) throws(StoreError) -> Int {
        var count = 0
        try fetchTransaction { () throws(StoreError) in
            _ = try fetchRows(AlertSQL.deleteSentOfAddress, [addressHash], columns: 0)
            count = try fetchRows(AlertSQL.deleteAddress, [addressHash], columns: 1).count
            _ = try fetchRows(AlertSQL.deleteConfirmations, [addressHash], columns: 0)
            _ = try fetchRows(AlertSQL.deleteDoNotMail, [addressHash], columns: 0)
        }
        return count
    }

    @discardableResult public func purgeUnconfirmedAlerts(before cutoff: String) throws(StoreError) -> Int {
        var count = 0
        try fetchTransaction { () throws(StoreError) in
            count = try fetchRows(AlertSQL.purge, [cutoff], columns: 1).count
            _ = try fetchRows(AlertSQL.purgeConfirmations, [cutoff], columns: 0)
        }
        return count
    }

    public func recordAlertConfirmation(addressHash: String, at now: String) throws(StoreError) {
        _ = try fetchRows(AlertSQL.recordConfirmation, [addressHash, now], columns: 0)
    }

    public func alertConfirmations(addressHash: String, since: String) throws(StoreError) -> Int {
        try fetchRows(AlertSQL.countConfirmations, [addressHash, since], columns: 1).first?[0].flatMap { Int($0) } ?? 0
    }

    public func addDoNotMail(addressHash: String, at now: String) throws(StoreError) {
        _ = try fetchRows(AlertSQL.addDoNotMail, [addressHash, now], columns: 0)
    }

    public func isDoNotMail(addressHash: String) throws(StoreError) -> Bool {
        (try fetchRows(AlertSQL.isDoNotMail, [addressHash], columns: 1).first?[0].flatMap { Int($0) } ?? 0) > 0
    }

    public func sentAlertKeys(subscriptionID: String, among keys: [String]) throws(StoreError) -> Set<String> {
        let sent = Set(try fetchRows(AlertSQL.sent, [subscriptionID], columns: 1).compactMap { $0[0] })
        return sent.intersection(keys)
    }

    public func recordAlertSent(subscriptionID: String, keys: [String], at now: String) throws(StoreError) {
        try fetchTransaction { () throws(StoreError) in
            for key in keys { _ = try fetchRows(AlertSQL.recordSent, [subscriptionID, key, now], columns: 0) }
            _ = try fetchRows(AlertSQL.markSent, [subscriptionID, now], columns: 0)
        }
    }

    public func alertCounts() throws(StoreError) -> AlertCounts {
        let row = try fetchRows(AlertSQL.counts, [], columns: 6).first ?? []
        func value(_ index: Int) -> Int { index < row.count ? row[index].flatMap { Int($0) } ?? 0 : 0 }
        return AlertCounts(
            confirmed: value(0), unconfirmed: value(1), weekly: value(2), addresses: value(3), doNotMail: value(4),
            sentNotices: value(5))
    }
}
