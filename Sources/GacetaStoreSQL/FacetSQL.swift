/// The facets of a search, the same SQL on both stores: the matching notices (`matches` selects their ids as
/// `id`, once) counted by section, type and institution.
public enum FacetSQL {
    public static func facets(matches: String) -> String {
        let fields = ["section", "type", "institution"].map { field in
            """
            SELECT '\(field)', d.\(field), count(*) FROM m JOIN documents d ON d.id = m.id
            WHERE d.\(field) IS NOT NULL GROUP BY d.\(field)
            """
        }
        return "WITH m AS MATERIALIZED (\(matches))\n" + fields.joined(separator: "\nUNION ALL\n")
    }
}
