import GacetaQuery
import GacetaCore
import GacetaText

/// Turns what a user typed (and the filters) into a `SearchRequest`, with 400s that say what was wrong,
/// and runs it on the store. Knows the `Store` protocol, never SQL.
public struct SearchService {
    public struct Parameters: Sendable {
        public var query: String?
        public var from: String?
        public var to: String?
        public var section: String?
        public var edition: String?
        public var page: String?
        public var perPage: String?

        public init(
            query: String?, from: String? = nil, to: String? = nil, section: String? = nil, edition: String? = nil,
            page: String? = nil, perPage: String? = nil
        ) {
            self.query = query
            self.from = from
            self.to = to
            self.section = section
            self.edition = edition
            self.page = page
            self.perPage = perPage
        }
    }

    private let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// Validates and parses; throws a 400 `HTTPError` for bad input.
    public static func request(from parameters: Parameters) throws(HTTPError) -> SearchRequest {
        guard let text = parameters.query?.trimmed, !text.isEmpty else {
            throw HTTPError(status: 400, code: "missing_query", message: "add a search text: ?q=salario+mínimo")
        }
        let expression: SearchExpression
        do {
            expression = try SearchQueryParser.parse(text, isStopword: SpanishStopwords.contains)
        } catch {
            throw HTTPError(status: 400, code: "invalid_query", message: error.message)
        }
        let from = try date(parameters.from, name: "from")
        let to = try date(parameters.to, name: "to")
        if let from, let to, from > to {
            throw .badRequest("'from' (\(from)) is after 'to' (\(to))")
        }
        let page = try IntegerParameter.parse(parameters.page, name: "page", range: 1...10_000, default: 1)
        let perPage = try IntegerParameter.parse(
            parameters.perPage, name: "per_page", range: 1...SearchRequest.maximumPerPage, default: 10)
        return SearchRequest(
            expression: expression, from: from, to: to, section: parameters.section?.trimmed.nonEmpty,
            edition: parameters.edition?.trimmed.nonEmpty, page: page, perPage: perPage)
    }

    /// Throws `HTTPError` for bad input or an unavailable database; other store failures propagate (a logged 500).
    public func search(_ parameters: Parameters) throws -> (SearchRequest, SearchResults) {
        let request = try Self.request(from: parameters)
        return (request, try Self.mapped { () throws(StoreError) in try store.search(request) })
    }

    /// Runs a store call, turning an unavailable database into a 503 and leaving real failures to the 500 path.
    public static func mapped<T>(_ body: () throws(StoreError) -> T) throws -> T {
        do {
            return try body()
        } catch  where error.kind == .failed {
            throw error
        } catch {
            throw HTTPError(error)
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

extension HTTPError {
    /// How a store failure reaches HTTP: an unavailable database is a 503 the client may retry.
    public init(_ error: StoreError) {
        switch error.kind {
        case .unavailable, .schemaOutdated:
            self.init(
                status: 503, code: "database_unavailable",
                message: "the database is unavailable right now; try again shortly", headers: [("Retry-After", "5")])
        case .invalidQuery:
            self.init(status: 400, code: "invalid_query", message: "this search cannot be run; simplify it")
        case .failed:
            self = .internalError  // `mapped` lets these through to the router, which logs them
        }
    }
}

extension String {
    /// Without leading and trailing Unicode whitespace.
    public var trimmed: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    var nonEmpty: String? { isEmpty ? nil : self }
}
