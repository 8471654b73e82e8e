/// The browse queries' shared column lists: both stores read editions and documents in the same shape, so the
/// row decoding (and what the API shows) cannot drift apart.
public enum BrowseSQL {
    public static let editionColumns = """
        SELECT e.id, e.date, e.number, e.source_url, e.sha256,
               (SELECT count(*) FROM documents d WHERE d.edition_id = e.id)
        FROM editions e
        """

    public static let documentColumns = """
        SELECT d.id, d.edition_id, e.date, e.number, d.title, d.section, d.type, d.identifier, d.source_url,
               d.page_count
        FROM documents d JOIN editions e ON e.id = d.edition_id
        """

    /// One document's source file; each store appends its placeholder for the id (`?1`, `$1`).
    public static let documentSource = "SELECT source_path, source_sha256 FROM documents WHERE id = "
}
