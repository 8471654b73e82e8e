import GacetaCore
import GacetaIngest
import GacetaQuery
import GacetaText

/// What a user typed for a search (and the filters), as the API's query string and `gacetachat search` carry
/// them; `request()` turns them into a `SearchRequest`, with 400s that say what was wrong.
public struct SearchParameters: Sendable {
    public var query: String?
    public var from: String?
    public var to: String?
    public var section: String?
    public var edition: String?
    public var page: String?
    public var perPage: String?
    /// A notice type of the closed list, without regard to accents or case ("resolucion").
    public var type: String?
    public var institution: String?
    /// `relevance` (the default) or `date`.
    public var sort: String?

    /// Most Unicode scalars (not clusters: a cluster can hold any number of them) and terms in `q`.
    public static let maximumQueryLength = 500
    public static let maximumQueryTerms = 32

    public init(
        query: String?, from: String? = nil, to: String? = nil, section: String? = nil, edition: String? = nil,
        page: String? = nil, perPage: String? = nil, type: String? = nil, institution: String? = nil,
        sort: String? = nil
    ) {
        self.type = type
        self.institution = institution
        self.sort = sort
        self.query = query
        self.from = from
        self.to = to
        self.section = section
        self.edition = edition
        self.page = page
        self.perPage = perPage
    }

    /// Validates and parses; throws a 400 `HTTPError` for bad input.
    public func request() throws(HTTPError) -> SearchRequest {
        guard let text = query?.trimmed, !text.isEmpty else {
            throw HTTPError(status: 400, code: "missing_query", message: "add a search text: ?q=salario+mínimo")
        }
        let terms = text.split(whereSeparator: { $0.isWhitespace }).count
        guard text.unicodeScalars.count <= Self.maximumQueryLength, terms <= Self.maximumQueryTerms else {
            throw HTTPError(
                status: 400, code: "query_too_long",
                message: "a search may have \(Self.maximumQueryLength) characters and \(Self.maximumQueryTerms) "
                    + "terms; this one has \(text.unicodeScalars.count) Unicode scalars and \(terms) terms")
        }
        let expression: SearchExpression
        do {
            expression = try SearchQueryParser.parse(text, isStopword: SpanishStopwords.contains)
        } catch {
            throw HTTPError(
                status: 400, code: error.isTooLong ? "query_too_long" : "invalid_query", message: error.message)
        }
        let from = try Self.date(from, name: "from")
        let to = try Self.date(to, name: "to")
        if let from, let to, from > to {
            throw .badRequest("'from' (\(from)) is after 'to' (\(to))")
        }
        let page = try IntegerParameter.parse(page, name: "page", range: 1...10_000, default: 1)
        let perPage = try IntegerParameter.parse(
            perPage, name: "per_page", range: 1...SearchRequest.maximumPerPage, default: 10)
        guard (page - 1) * perPage + perPage <= SearchRequest.maximumDepth else {
            throw HTTPError(
                status: 400, code: "page_too_deep",
                message: "a search reads at most \(SearchRequest.maximumDepth) hits: page \(page) of \(perPage) "
                    + "goes to hit \((page - 1) * perPage + perPage); narrow the search (from, to, section) instead")
        }
        return SearchRequest(
            expression: expression, from: from, to: to, section: section?.trimmed.nonEmpty,
            edition: edition?.trimmed.nonEmpty, page: page, perPage: perPage, type: try noticeType(),
            institution: institution?.trimmed.nonEmpty, sort: try sortOrder())
    }

    /// The closed list's spelling of `type` ("Resolucion" → "resolución"); 400 for a type not in it.
    private func noticeType() throws(HTTPError) -> String? {
        guard let value = type?.trimmed.nonEmpty else { return nil }
        guard let found = NoticeType(filter: value) else {
            let names = NoticeType.allCases.map(\.rawValue).joined(separator: ", ")
            throw HTTPError(
                status: 400, code: "invalid_type", message: "'type' must be one of \(names); got '\(value.prefix(40))'")
        }
        return found.rawValue
    }

    private func sortOrder() throws(HTTPError) -> SearchSort {
        guard let value = sort?.trimmed.nonEmpty else { return .relevance }
        guard let found = SearchSort(rawValue: value.lowercased()) else {
            throw HTTPError(
                status: 400, code: "invalid_sort",
                message: "'sort' must be relevance or date; got '\(value.prefix(40))'")
        }
        return found
    }

    /// A yes/no parameter: `1`, `true`, `yes` or `0`, `false`, `no`; absent or empty is `fallback`.
    public static func flag(_ value: String?, name: String, default fallback: Bool) throws(HTTPError) -> Bool {
        guard let value = value?.trimmed.nonEmpty else { return fallback }
        switch value.lowercased() {
        case "1", "true", "yes": return true
        case "0", "false", "no": return false
        default: throw .badRequest("'\(name)' must be true or false (1 or 0), not '\(value)'")
        }
    }

    /// `YYYY-MM-DD` with a real month and day.
    public static func date(_ value: String?, name: String) throws(HTTPError) -> String? {
        guard let value = value?.trimmed.nonEmpty else { return nil }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else {
            throw .badRequest("'\(name)' must be a date written YYYY-MM-DD, e.g. 2024-07-15; got '\(value.prefix(40))'")
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
