import GacetaQuery
import GacetaCore

/// The JSON shapes of the gazette routes (keys are snake_case on the wire).
struct SearchBody: Encodable {
    struct Query: Encodable {
        let droppedStopwords: [String]
        let from: String?
        let to: String?
        let section: String?
        let edition: String?
        let type: String?
        let institution: String?
        let sort: String
    }

    /// `{"value","count"}`: matching notices with that value, over every match.
    struct FacetValue: Encodable {
        let value: String
        let count: Int
    }

    struct Facets: Encodable {
        let section: [FacetValue]
        let type: [FacetValue]
        let institution: [FacetValue]

        init(_ facets: SearchFacets?) {
            func values(_ counts: [SearchFacets.Count]?) -> [FacetValue] {
                (counts ?? []).map { FacetValue(value: $0.value, count: $0.count) }
            }
            section = values(facets?.section)
            type = values(facets?.type)
            institution = values(facets?.institution)
        }
    }

    struct Hit: Encodable {
        let documentID: Int64
        let documentTitle: String
        let section: String?
        let type: String?
        let editionDate: String
        let editionNumber: String?
        let page: Int
        let printedPage: String?
        let snippet: String
        let url: String
        let publication: String?

        enum CodingKeys: String, CodingKey {
            case documentID = "documentId"
            case documentTitle, section, type, editionDate, editionNumber, page, printedPage, snippet, url
            case publication
        }
    }

    let query: Query
    let total: Int
    /// False when there are more than `total` (10,000) matches.
    let totalExact: Bool
    let page: Int
    let perPage: Int
    /// True when no passage holds all the words and these hold some of them (`RelaxedSearch`).
    let relaxed: Bool
    let hits: [Hit]
    let facets: Facets

    init(request: SearchRequest, results: SearchResults, relaxed: Bool = false) {
        self.relaxed = relaxed
        query = Query(
            droppedStopwords: request.expression.droppedStopwords, from: request.from, to: request.to,
            section: request.section, edition: request.edition, type: request.type, institution: request.institution,
            sort: request.sort.rawValue)
        facets = Facets(results.facets)
        total = results.total
        totalExact = results.totalExact
        page = results.page
        perPage = results.perPage
        hits = results.hits.map {
            Hit(
                documentID: $0.documentID, documentTitle: $0.documentTitle, section: $0.section, type: $0.type,
                editionDate: $0.editionDate, editionNumber: $0.editionNumber, page: $0.page,
                printedPage: $0.printedPage, snippet: $0.snippet,
                url: "/api/v1/documents/\($0.documentID)/pages/\($0.page)", publication: $0.publication)
        }
    }
}

struct EditionBody: Encodable {
    /// What `DELETE /api/v1/admin/editions/{id}` takes.
    let id: Int64
    let date: String
    let number: String?
    let sourceUrl: String?
    let sha256: String?
    let documentCount: Int
    /// The masthead's name («La Gaceta», «Gaceta del Congreso»).
    let publication: String?
    /// `regular` or `alcance`.
    let kind: String
    let alcanceNumber: Int?
    /// For an Alcance, the regular edition's id.
    let supplementOf: Int64?
    /// The edition PDF's pages.
    let pages: Int?
    /// The edition's documents in order: its sumario and notices (its table of contents), then whole files.
    let documents: [DocumentBody]?

    init(_ edition: Edition, documents: [DocumentBody]? = nil) {
        id = edition.id
        date = edition.date
        number = edition.number
        sourceUrl = edition.sourceURL
        sha256 = edition.sha256
        documentCount = edition.documentCount
        publication = edition.publication
        kind = edition.kind.rawValue
        alcanceNumber = edition.alcanceNumber
        supplementOf = edition.supplementOf
        pages = edition.pages
        self.documents = documents
    }
}

struct EditionsBody: Encodable {
    let editions: [EditionBody]
    let page: Int
    let perPage: Int
}

struct EditionsOfDayBody: Encodable {
    let date: String
    let editions: [EditionBody]
}

struct DocumentBody: Encodable {
    let id: Int64
    let title: String
    let section: String?
    let type: String?
    let identifier: String?
    let editionDate: String
    let editionNumber: String?
    let sourceUrl: String?
    let pageCount: Int
    let url: String
    let institution: String?
    let publicationCode: String?
    /// The edition PDF's 1-based pages the document spans.
    let firstPage: Int
    let lastPage: Int
    let firstPrintedPage: String?
    let lastPrintedPage: String?
    /// Position in the edition (notices only).
    let noticeIndex: Int?
    let key: String?
    /// `/api/v1/notices/{key}`: resolves after any re-split.
    let permalink: String?
    let publication: String?
    let editionId: Int64
    /// Pages stored without text (a scan not read by OCR yet); only on `GET /api/v1/documents/{id}`.
    var pagesWithoutText: [Int]?

    init(_ document: Document, pagesWithoutText: [Int]? = nil) {
        self.pagesWithoutText = pagesWithoutText
        id = document.id
        title = document.title
        section = document.section
        type = document.type
        identifier = document.identifier
        editionDate = document.editionDate
        editionNumber = document.editionNumber
        sourceUrl = document.sourceURL
        pageCount = document.pageCount
        url = "/api/v1/documents/\(document.id)"
        institution = document.notice.institution
        publicationCode = document.notice.publicationCode
        firstPage = document.notice.firstPage ?? 1
        lastPage = document.notice.lastPage ?? max(1, document.pageCount)
        firstPrintedPage = document.notice.firstPrintedPage
        lastPrintedPage = document.notice.lastPrintedPage
        noticeIndex = document.notice.index
        key = document.notice.key
        permalink = document.permalink
        publication = document.notice.publication
        editionId = document.editionID
    }
}

struct PageBody: Encodable {
    let documentId: Int64
    let documentTitle: String
    let editionDate: String
    let editionNumber: String?
    let page: Int
    let printedPage: String?
    let pageCount: Int
    let text: String
    /// The text was read by OCR (the page is an image): «texto obtenido por OCR».
    let ocr: Bool
    /// `/api/v1/documents/{id}/pdf` when the document came from a PDF, else nil.
    let pdfUrl: String?

    init(page: Page, document: Document, hasPDF: Bool) {
        documentId = document.id
        documentTitle = document.title
        editionDate = document.editionDate
        editionNumber = document.editionNumber
        self.page = page.index
        printedPage = page.printedNumber
        pageCount = document.pageCount
        text = page.text
        ocr = page.ocr
        pdfUrl = hasPDF ? "/api/v1/documents/\(document.id)/pdf" : nil
    }
}
