import GacetaCore
import GacetaIngest

/// Turns a stored file into an edition: the one place fetch calls ingestion (so that switching to the notices
/// reader is one change here).
public struct EditionIngester {
    public enum Result: Equatable {
        /// Ingested (or already ingested); the edition's number when the cover prints one.
        case stored(number: String?)
        /// The publisher's cover for a day without an edition: nothing stored.
        case placeholder
        case failed(String)
    }

    /// The ingest pipeline for files of one date (`--date` as the fallback).
    private let pipeline: (String) -> IngestPipeline

    public init(pipeline: @escaping (_ fallbackDate: String) -> IngestPipeline) {
        self.pipeline = pipeline
    }

    /// Ingests the file as the notices reader sees it: the placeholder (a date, no number, one page) is its
    /// `.noEdition`; the edition number is the masthead's. `pages` is pdfinfo's count (the cover of an unchanged
    /// file is read again for its number).
    public func ingest(path: String, date: CalendarDate, pages: Int) -> Result {
        switch pipeline(date.description).ingest(path: path) {
        case .stored(let file) where file.change == .unchanged:
            return .stored(number: file.editionNumber ?? PDFCheck.cover(of: path, pages: pages).number)
        case .stored(let file): return .stored(number: file.editionNumber)
        case .unchanged: return .stored(number: PDFCheck.cover(of: path, pages: pages).number)
        case .noEdition: return .placeholder
        case .failed(let message): return .failed(message)
        }
    }
}
