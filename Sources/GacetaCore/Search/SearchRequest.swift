import GacetaQuery
/// A parsed search with its filters and the page of results wanted.
public struct SearchRequest: Sendable, Equatable {
    public var expression: SearchExpression
    /// Inclusive edition-date bounds, `YYYY-MM-DD`.
    public var from: String?
    public var to: String?
    /// Matches a document's section or its type, case-insensitively.
    public var section: String?
    /// An edition number ("129").
    public var edition: String?
    /// A notice type of the closed list ("resolución"), matched as the stored field, case-insensitively.
    public var type: String?
    /// An institution, matched as the stored field, case-insensitively.
    public var institution: String?
    public var sort: SearchSort = .relevance
    /// Whether to count the matching notices by section, type and institution (`SearchResults.facets`).
    public var facets = false
    /// Whether hits carry a `snippet` (chat reads `text` only, and marking 100 snippets was a tenth of an answer).
    public var snippets = true
    /// Whether `SearchResults.total` counts the matches; when not, it is the number of hits returned (chat reads
    /// the hits only, and on SQLite counting cost a few milliseconds of every answer).
    public var countsTotal = true
    /// Whether an edition's sumario (its cover and contents) may be a hit, after every notice; chat never quotes one
    /// (on SQLite leaving it out is also cheaper than ranking it last). Without it, `total` counts the notices only.
    public var includesSumario = true
    /// From 1.
    public var page: Int
    public var perPage: Int

    public static let maximumPerPage = 100
    /// Hits a search reads at most: `(page − 1) × perPage + perPage` may not pass it.
    public static let maximumDepth = 1000

    public init(
        expression: SearchExpression, from: String? = nil, to: String? = nil, section: String? = nil,
        edition: String? = nil, page: Int = 1, perPage: Int = 10, type: String? = nil, institution: String? = nil,
        sort: SearchSort = .relevance, facets: Bool = false
    ) {
        self.type = type
        self.institution = institution
        self.sort = sort
        self.facets = facets
        self.expression = expression
        self.from = from
        self.to = to
        self.section = section
        self.edition = edition
        self.page = page
        self.perPage = perPage
    }
}

/// One ranked passage: where it is (edition, document, page) and a snippet with `<mark>`ed terms.
public struct SearchHit: Sendable, Equatable, Codable {
    public var documentID: Int64
    public var documentTitle: String
    public var section: String?
    public var type: String?
    public var editionDate: String
    public var editionNumber: String?
    /// The PDF page index (from 1) the passage is on.
    public var page: Int
    /// The page number printed on that page, when one was found.
    public var printedPage: String?
    public var chunkID: Int64
    /// HTML: the passage's text escaped, matched terms in `<mark>`.
    public var snippet: String
    /// The passage's full text (plain), for answer composition.
    public var text: String
    /// Lower is better (BM25 as SQLite reports it); comparable within one result set only.
    public var score: Double
    /// The publication's stored name ("La Gaceta", "Gaceta del Congreso"), when the store has one.
    public var publication: String?
    /// A supplement's number ("78" for "Alcance Nº 78 a La Gaceta Nº 129"); nil for a regular edition.
    public var alcanceNumber: String?

    public var isSumario: Bool { type == Document.sumarioType }

    public init(
        documentID: Int64, documentTitle: String, section: String?, type: String?, editionDate: String,
        editionNumber: String?, page: Int, printedPage: String?, chunkID: Int64, snippet: String, text: String,
        score: Double, publication: String? = nil, alcanceNumber: String? = nil
    ) {
        self.publication = publication
        self.alcanceNumber = alcanceNumber
        self.documentID = documentID
        self.documentTitle = documentTitle
        self.section = section
        self.type = type
        self.editionDate = editionDate
        self.editionNumber = editionNumber
        self.page = page
        self.printedPage = printedPage
        self.chunkID = chunkID
        self.snippet = snippet
        self.text = text
        self.score = score
    }
}

/// The order of hits: best match first (an edition's sumario after every notice), or newest edition first.
public enum SearchSort: String, Sendable, Equatable, CaseIterable {
    case relevance, date
}

/// Matching notices counted by field value, over every match (not the page of hits returned).
public struct SearchFacets: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public var value: String
        public var count: Int

        public init(value: String, count: Int) {
            self.value = value
            self.count = count
        }
    }

    public var section: [Count]
    public var type: [Count]
    public var institution: [Count]

    public init(section: [Count] = [], type: [Count] = [], institution: [Count] = []) {
        self.section = section
        self.type = type
        self.institution = institution
    }

    /// Most values listed per field, most frequent first.
    public static let maximumValues = 50

    /// Rows of (field, value, count) → facets, each field's values by count (descending) then value.
    public init(rows: [(field: String, value: String, count: Int)]) {
        func values(_ field: String) -> [Count] {
            rows.filter { $0.field == field }.map { Count(value: $0.value, count: $0.count) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
                .prefix(Self.maximumValues).map { $0 }
        }
        self.init(section: values("section"), type: values("type"), institution: values("institution"))
    }
}

public struct SearchResults: Sendable, Equatable {
    /// Matches are counted up to this many; past it `total` is this and `totalExact` false.
    public static let maximumCountedTotal = 10_000

    public var total: Int
    /// Whether `total` is the exact number of matches (else there are more than `maximumCountedTotal`).
    public var totalExact: Bool
    public var page: Int
    public var perPage: Int
    public var hits: [SearchHit]
    /// When the request asked for them.
    public var facets: SearchFacets?

    /// `total` past `maximumCountedTotal` is reported as that, not exact.
    public init(total: Int, page: Int, perPage: Int, hits: [SearchHit]) {
        self.total = min(total, Self.maximumCountedTotal)
        self.totalExact = total <= Self.maximumCountedTotal
        self.page = page
        self.perPage = perPage
        self.hits = hits
    }
}
