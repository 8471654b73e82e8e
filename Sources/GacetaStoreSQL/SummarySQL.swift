import GacetaCore

/// SQL both stores share for daily summaries (`SummaryStore`) and the calendar (`EditionCalendar`): `?N`
/// parameters, `AdminSQL.postgres` for libpq.
public enum SummarySQL {
    /// The tables of schema version 7, the same in both stores. A bullet names its notice by key (a re-split gives
    /// the notice a new document id, never a new key); failures count in `fetch_counters`
    /// (`SummaryFailure.counterName`).
    public static func schema(integer: String) -> String {
        """
        CREATE TABLE summaries (
            date text PRIMARY KEY,
            edition_number text,
            publication text,
            provider text NOT NULL,
            fallback_reason text,
            generated_at text NOT NULL
        );
        CREATE TABLE summary_bullets (
            date text NOT NULL REFERENCES summaries (date) ON DELETE CASCADE,
            position \(integer) NOT NULL,
            text text NOT NULL,
            notice_key text NOT NULL,
            document_id \(integer) NOT NULL,
            document_title text NOT NULL,
            page \(integer) NOT NULL,
            printed_page text,
            tags text NOT NULL,
            provider text NOT NULL,
            PRIMARY KEY (date, position)
        );
        CREATE TABLE summary_failures (
            date text PRIMARY KEY,
            reason text NOT NULL,
            message text NOT NULL,
            failed_at text NOT NULL
        );
        """
    }

    /// The date's editions, regular first: id, number, publication.
    public static let editionsOfDate = """
        SELECT id, number, publication FROM editions WHERE date = ?1
        ORDER BY (kind = 'alcance'), coalesce(alcance_number, 0), id
        """
    /// The date's notices in edition order, the sumario left out: id, key, kind, notice_index, title, type,
    /// identifier, institution.
    public static let noticesOfDate = """
        SELECT d.id, d.key, e.kind, d.notice_index, d.title, d.type, d.identifier, d.institution
        FROM documents d JOIN editions e ON e.id = d.edition_id
        WHERE e.date = ?1 AND coalesce(d.type, '') <> 'sumario'
        ORDER BY (e.kind = 'alcance'), coalesce(e.alcance_number, 0), e.id, coalesce(d.notice_index, 0), d.id
        """
    /// The pages of the date's documents: document_id, page_index, printed_number, text.
    public static let pagesOfDate = """
        SELECT p.document_id, p.page_index, p.printed_number, p.text
        FROM pages p JOIN documents d ON d.id = p.document_id JOIN editions e ON e.id = d.edition_id
        WHERE e.date = ?1 AND coalesce(d.type, '') <> 'sumario'
        ORDER BY p.document_id, p.page_index
        """

    public static let upsertSummary = """
        INSERT INTO summaries (date, edition_number, publication, provider, fallback_reason, generated_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (date) DO UPDATE SET edition_number = excluded.edition_number,
            publication = excluded.publication, provider = excluded.provider,
            fallback_reason = excluded.fallback_reason, generated_at = excluded.generated_at
        """
    public static let deleteBullets = "DELETE FROM summary_bullets WHERE date = ?1"
    public static let insertBullet = """
        INSERT INTO summary_bullets (date, position, text, notice_key, document_id, document_title, page,
            printed_page, tags, provider)
        VALUES (?1, CAST(?2 AS integer), ?3, ?4, CAST(?5 AS integer), ?6, CAST(?7 AS integer), ?8, ?9, ?10)
        """
    public static let deleteFailure = "DELETE FROM summary_failures WHERE date = ?1"
    public static let upsertFailure = """
        INSERT INTO summary_failures (date, reason, message, failed_at) VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT (date) DO UPDATE SET reason = excluded.reason, message = excluded.message,
            failed_at = excluded.failed_at
        """
    public static let summary = """
        SELECT date, edition_number, publication, provider, fallback_reason, generated_at FROM summaries
        WHERE date = ?1
        """
    /// The bullets, each naming the document that holds its notice's key now (the newest, should two), else the
    /// one it was written from: text, notice_key, document_id, document_title, page, printed_page, tags, provider.
    public static let bullets = """
        SELECT b.text, b.notice_key,
            coalesce((SELECT max(d.id) FROM documents d WHERE d.key = b.notice_key), b.document_id),
            coalesce((SELECT d.title FROM documents d WHERE d.key = b.notice_key ORDER BY d.id DESC LIMIT 1),
                b.document_title),
            b.page, b.printed_page, b.tags, b.provider
        FROM summary_bullets b WHERE b.date = ?1 ORDER BY b.position
        """
    public static let failure = "SELECT reason, message, failed_at FROM summary_failures WHERE date = ?1"

    /// Editions from ?1 to ?2, oldest first: id, date, number, source_url, sha256, document count, publication,
    /// kind, alcance_number.
    public static let editionsInRange = """
        SELECT e.id, e.date, e.number, e.source_url, e.sha256,
            (SELECT count(*) FROM documents d WHERE d.edition_id = e.id), e.publication, e.kind, e.alcance_number
        FROM editions e WHERE e.date >= ?1 AND e.date <= ?2
        ORDER BY e.date, (e.kind = 'alcance'), coalesce(e.alcance_number, 0), e.id
        """

    /// A bullet's values for ``insertBullet``.
    public static func values(date: String, position: Int, _ bullet: SummaryBullet) -> [String?] {
        [
            date, String(position), bullet.text, bullet.noticeKey, String(bullet.documentID), bullet.documentTitle,
            String(bullet.page), bullet.printedPage, bullet.tags.joined(separator: ","), bullet.provider,
        ]
    }

    /// A row of ``bullets`` → the bullet.
    public static func bullet(_ row: [String?]) -> SummaryBullet? {
        guard row.count == 8, let text = row[0], let key = row[1], let id = row[2].flatMap({ Int64($0) }),
            let page = row[4].flatMap({ Int($0) })
        else { return nil }
        return SummaryBullet(
            text: text, documentID: id, noticeKey: key, documentTitle: row[3] ?? "", page: page,
            printedPage: row[5], tags: (row[6] ?? "").split(separator: ",").map(String.init),
            provider: row[7] ?? "")
    }

    /// Rows of ``noticesOfDate`` and ``pagesOfDate`` → the notices, each with its pages (documents without pages
    /// left out). A document stored before notices had keys is named by its id.
    public static func notices(_ rows: [[String?]], pages: [[String?]]) -> [SummaryNotice] {
        var byDocument: [Int64: [SummaryNotice.Page]] = [:]
        for row in pages {
            guard row.count == 4, let id = row[0].flatMap({ Int64($0) }), let index = row[1].flatMap({ Int($0) })
            else { continue }
            byDocument[id, default: []].append(.init(index: index, printedNumber: row[2], text: row[3] ?? ""))
        }
        return rows.compactMap { row in
            guard row.count == 8, let id = row[0].flatMap({ Int64($0) }), let pages = byDocument[id] else {
                return nil
            }
            return SummaryNotice(
                documentID: id, key: row[1] ?? "document-\(id)", isAlcance: row[2] == "alcance",
                noticeIndex: row[3].flatMap { Int($0) } ?? 0, title: row[4] ?? "", type: row[5] ?? "otro",
                identifier: row[6], institution: row[7], pages: pages)
        }
    }

    /// A row of ``editionsInRange`` → the edition.
    public static func edition(_ row: [String?]) -> Edition? {
        guard row.count == 9, let id = row[0].flatMap({ Int64($0) }), let date = row[1] else { return nil }
        return Edition(
            id: id, date: date, number: row[2], sourceURL: row[3], sha256: row[4],
            documentCount: row[5].flatMap { Int($0) } ?? 0, publication: row[6],
            kind: row[7].flatMap(Edition.Kind.init(rawValue:)) ?? .regular, alcanceNumber: row[8].flatMap { Int($0) })
    }
}
