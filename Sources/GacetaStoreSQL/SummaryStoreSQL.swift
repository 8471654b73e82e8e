import GacetaCore

/// `SummaryStore` and `EditionCalendar` written once over the SQL of ``SummarySQL``, with the statements and
/// transactions of the fetch log (`FetchLogSQL`).
public protocol SummaryStoreSQL: SummaryStore, EditionCalendar, FetchLogSQL {}

extension SummaryStoreSQL {
    public func summarySource(date: String) throws(StoreError) -> SummarySource? {
        guard let regular = try fetchRows(SummarySQL.editionsOfDate, [date], columns: 3).first else { return nil }
        let notices = SummarySQL.notices(
            try fetchRows(SummarySQL.noticesOfDate, [date], columns: 8),
            pages: try fetchRows(SummarySQL.pagesOfDate, [date], columns: 4))
        return SummarySource(date: date, editionNumber: regular[1], publication: regular[2], notices: notices)
    }

    public func saveSummary(_ summary: EditionSummary) throws(StoreError) {
        try fetchTransaction { () throws(StoreError) in
            _ = try fetchRows(
                SummarySQL.upsertSummary,
                [
                    summary.date, summary.editionNumber, summary.publication, summary.provider,
                    summary.fallbackReason, summary.generatedAt,
                ], columns: 0)
            _ = try fetchRows(SummarySQL.deleteBullets, [summary.date], columns: 0)
            for (position, bullet) in summary.bullets.enumerated() {
                _ = try fetchRows(
                    SummarySQL.insertBullet, SummarySQL.values(date: summary.date, position: position + 1, bullet),
                    columns: 0)
            }
            _ = try fetchRows(SummarySQL.deleteFailure, [summary.date], columns: 0)
        }
    }

    public func recordSummaryFailure(
        date: String, reason: SummaryFailure, message: String, at: String
    ) throws(StoreError) {
        try fetchTransaction { () throws(StoreError) in
            _ = try fetchRows(SummarySQL.upsertFailure, [date, reason.rawValue, message, at], columns: 0)
            _ = try fetchRows(FetchSQL.addCounter, [reason.counterName, "1"], columns: 0)
        }
    }

    public func summary(date: String) throws(StoreError) -> StoredSummary? {
        var summary: EditionSummary?
        if let row = try fetchRows(SummarySQL.summary, [date], columns: 6).first {
            summary = EditionSummary(
                date: row[0] ?? date, editionNumber: row[1], publication: row[2], provider: row[3] ?? "",
                fallbackReason: row[4], generatedAt: row[5] ?? "",
                bullets: try fetchRows(SummarySQL.bullets, [date], columns: 8).compactMap(SummarySQL.bullet))
        }
        let failure = try fetchRows(SummarySQL.failure, [date], columns: 3).first.map { row in
            (reason: row[0] ?? "", message: row[1] ?? "", at: row[2] ?? "")
        }
        guard summary != nil || failure != nil else { return nil }
        return StoredSummary(summary: summary, failure: failure)
    }

    public func editions(from: String, to: String) throws(StoreError) -> [Edition] {
        try fetchRows(SummarySQL.editionsInRange, [from, to], columns: 9).compactMap(SummarySQL.edition)
    }
}
