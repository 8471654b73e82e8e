import GacetaCore

extension Citation {
    /// A citation numbered `n` of `quote`, a verbatim part of `hit.text`.
    init(n: Int, hit: SearchHit, quote: String) {
        self.init(
            n: n, editionDate: hit.editionDate, editionNumber: hit.editionNumber, documentID: hit.documentID,
            documentTitle: hit.documentTitle, page: hit.page, printedPage: hit.printedPage, quote: quote,
            publication: hit.publication, alcanceNumber: hit.alcanceNumber)
    }
}
