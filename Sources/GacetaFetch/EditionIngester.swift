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

    public func ingest(path: String, date: CalendarDate, pages: Int) -> Result {
        let cover = PDFCheck.cover(of: path, pages: pages)
        // The placeholder: a date, no number, one page (as the notices issue defines it).
        if cover.pages <= 1, cover.number == nil { return .placeholder }
        switch pipeline(date.description).ingest(path: path) {
        case .stored, .unchanged: return .stored(number: cover.number)
        // The ingest's own masthead reader saw a placeholder the cover check let through.
        case .noEdition: return .placeholder
        case .failed(let message): return .failed(message)
        }
    }
}
