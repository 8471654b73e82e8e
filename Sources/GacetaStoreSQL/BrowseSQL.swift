import GacetaCore

/// The browse queries' shared column lists: both stores read editions and documents in the same shape, so the
/// row decoding (and what the API shows) cannot drift apart.
public enum BrowseSQL {
    public static let editionColumns = """
        SELECT e.id, e.date, e.number, e.source_url, e.sha256,
               (SELECT count(*) FROM documents d WHERE d.edition_id = e.id),
               e.publication, e.kind, e.alcance_number, e.supplement_of, e.pages
        FROM editions e
        """

    public static let documentColumns = """
        SELECT d.id, d.edition_id, e.date, e.number, d.title, d.section, d.type, d.identifier, d.source_url,
               d.page_count, d.institution, d.publication_code, d.first_page, d.last_page, d.first_printed_page,
               d.last_printed_page, d.notice_index, d.key, e.publication
        FROM documents d JOIN editions e ON e.id = d.edition_id
        """

    /// An edition's documents in edition order (the sumario and the notices by position, whole files after).
    public static let documentOrder = " ORDER BY coalesce(d.notice_index, 1000000), d.id"

    /// The notice a key names: the newest edition's when two share it.
    public static let noticeByKey = " WHERE d.key = ?1 ORDER BY e.date DESC, d.id DESC LIMIT 1"

    /// A row of `editionColumns`, each column read by `column` as text (NULL as nil).
    public static func edition(_ column: (Int) -> String?) -> Edition {
        Edition(
            id: column(0).flatMap { Int64($0) } ?? 0, date: column(1) ?? "", number: column(2), sourceURL: column(3),
            sha256: column(4), documentCount: column(5).flatMap { Int($0) } ?? 0, publication: column(6),
            kind: column(7).flatMap(Edition.Kind.init(rawValue:)) ?? .regular,
            alcanceNumber: column(8).flatMap { Int($0) }, supplementOf: column(9).flatMap { Int64($0) },
            pages: column(10).flatMap { Int($0) })
    }

    /// A row of `documentColumns`, each column read by `column` as text (NULL as nil).
    public static func document(_ column: (Int) -> String?) -> Document {
        Document(
            id: column(0).flatMap { Int64($0) } ?? 0, editionID: column(1).flatMap { Int64($0) } ?? 0,
            editionDate: column(2) ?? "", editionNumber: column(3), title: column(4) ?? "", section: column(5),
            type: column(6), identifier: column(7), sourceURL: column(8), pageCount: column(9).flatMap { Int($0) } ?? 0,
            notice: NoticeFacts(
                institution: column(10), publicationCode: column(11), firstPage: column(12).flatMap { Int($0) },
                lastPage: column(13).flatMap { Int($0) }, firstPrintedPage: column(14), lastPrintedPage: column(15),
                index: column(16).flatMap { Int($0) }, key: column(17), publication: column(18)))
    }
}
